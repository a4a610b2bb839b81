package io.oscar.engine.db;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.throttle.StatusSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Global status variables read with {@code SHOW GLOBAL STATUS}; for max-load and critical-load. */
public final class SqlStatusSource implements StatusSource {
    private final Connection connection;
    private final String where;

    public SqlStatusSource(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    @Override
    public Map<String, Long> read(Set<String> names) {
        Map<String, Long> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        List<String> list = List.copyOf(names);
        String sql = "SHOW GLOBAL STATUS WHERE Variable_name IN (" + "?,".repeat(list.size() - 1) + "?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < list.size(); i++) {
                ps.setString(i + 1, list.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parse(rs.getString(2)).ifPresent(v -> {
                        try {
                            out.put(canonical(list, rs.getString(1)), v);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        } catch (SQLException e) {
            throw new OscarException(ErrorCode.SQL_FAILED, "reading status variables " + names + " on " + where + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The caller's spelling of a variable name (the server's case may differ). */
    private static String canonical(List<String> asked, String returned) {
        return asked.stream().filter(a -> a.equalsIgnoreCase(returned)).findFirst().orElse(returned);
    }

    private static java.util.Optional<Long> parse(String v) {
        try {
            return java.util.Optional.of(Long.parseLong(v.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
