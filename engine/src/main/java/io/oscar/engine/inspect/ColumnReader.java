package io.oscar.engine.inspect;

import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.TableName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads a table's columns from information_schema.COLUMNS, in table order, defaults normalised by {@link DefaultValues}. */
final class ColumnReader {
    private final SqlReader sql;
    private final ServerFlavor flavor;

    ColumnReader(SqlReader sql, ServerFlavor flavor) {
        this.sql = sql;
        this.flavor = flavor;
    }

    List<Column> read(TableName name) {
        return sql.list("the columns of " + name, """
                SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
                       GENERATION_EXPRESSION, CHARACTER_SET_NAME, COLLATION_NAME
                FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
                ORDER BY ORDINAL_POSITION""", this::column, name.schema(), name.table());
    }

    private Column column(ResultSet rs) throws SQLException {
        String dataType = rs.getString("DATA_TYPE");
        boolean nullable = "YES".equalsIgnoreCase(rs.getString("IS_NULLABLE"));
        String rawExtra = rs.getString("EXTRA");
        String defaultValue = DefaultValues.normalise(flavor, rs.getString("COLUMN_DEFAULT"), nullable, dataType, rawExtra);
        return new Column(rs.getString("COLUMN_NAME"), dataType, rs.getString("COLUMN_TYPE"), nullable, defaultValue,
                extra(rawExtra), blankToNull(rs.getString("GENERATION_EXPRESSION")),
                rs.getString("CHARACTER_SET_NAME"), rs.getString("COLLATION_NAME"));
    }

    /** MySQL 8's DEFAULT_GENERATED marker is folded into the default's form; the rest is kept as the server says it. */
    static String extra(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.replace("DEFAULT_GENERATED", "").strip().replaceAll("\\s+", " ");
    }

    /** MySQL reports an empty GENERATION_EXPRESSION for ordinary columns, MariaDB NULL. */
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
