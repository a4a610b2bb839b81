package io.oscar.engine.copy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Reads key values from a result row so they bind back exactly. */
final class KeyValues {
    private KeyValues() {
    }

    /**
     * Temporal values are kept as the server's text: Connector/J drops fractional seconds when it binds
     * LocalDateTime/Timestamp against MariaDB, and a key off by a microsecond skips or repeats rows.
     */
    static List<Object> read(ResultSet rs, int count) throws SQLException {
        List<Object> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Object v = rs.getObject(i);
            if (v instanceof java.time.temporal.Temporal || v instanceof Date) {
                v = rs.getString(i);
            }
            out.add(v);
        }
        return out;
    }
}
