package io.oscar.engine.inspect;

import io.oscar.engine.db.ServerFlavor;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises information_schema.COLUMNS.COLUMN_DEFAULT to one form on every server: SQL text that
 * could follow {@code DEFAULT} in a column definition.
 * <ul>
 *   <li>{@code null}: the column has no default (NOT NULL without DEFAULT, auto_increment, generated);</li>
 *   <li>{@code "NULL"}: the default is NULL;</li>
 *   <li>a quoted literal: {@code 'it''s'} (quotes doubled), {@code 'NULL'} is the four-letter string;</li>
 *   <li>a number or bit literal as written: {@code 5}, {@code 1.50}, {@code b'101'};</li>
 *   <li>an expression: {@code current_timestamp(6)}, {@code current_timestamp()}, other expressions in
 *       parentheses {@code (1 + 2)}.</li>
 * </ul>
 * MariaDB 10.2.7+ already reports that form (SQL NULL for none, the text {@code NULL} for DEFAULT NULL,
 * literals quoted). MySQL reports the bare value ({@code it's}), SQL NULL for both none and DEFAULT NULL,
 * {@code CURRENT_TIMESTAMP} without parentheses, and marks expression defaults with
 * {@code DEFAULT_GENERATED} in EXTRA (8.0.13+); those are translated here.
 */
final class DefaultValues {
    private static final Pattern CURRENT_TIMESTAMP =
            Pattern.compile("(?i)(current_timestamp|now|localtimestamp|localtime)(\\(\\d*\\))?");
    private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "decimal", "numeric", "float", "double", "real", "year");

    private DefaultValues() {
    }

    /**
     * @param raw COLUMN_DEFAULT as the server returned it (null for SQL NULL)
     */
    static String normalise(ServerFlavor flavor, String raw, boolean nullable, String dataType, String extra) {
        String ext = extra == null ? "" : extra.toUpperCase(Locale.ROOT);
        if (ext.contains("GENERATED") && !ext.contains("DEFAULT_GENERATED") || ext.contains("AUTO_INCREMENT")) {
            return null;
        }
        return flavor.isMariaDb() ? fromMariaDb(raw) : fromMySql(raw, nullable, dataType, ext);
    }

    private static String fromMariaDb(String raw) {
        if (raw == null) {
            return null;
        }
        return CURRENT_TIMESTAMP.matcher(raw).matches() ? timestampFunction(raw) : raw;
    }

    private static String fromMySql(String raw, boolean nullable, String dataType, String extra) {
        if (raw == null) {
            // MySQL has no separate "no default" for a nullable column: it defaults to NULL.
            return nullable ? "NULL" : null;
        }
        if (CURRENT_TIMESTAMP.matcher(raw).matches()) {
            return timestampFunction(raw);
        }
        if (extra.contains("DEFAULT_GENERATED")) {
            return raw.startsWith("(") ? raw : "(" + raw + ")";
        }
        String type = dataType == null ? "" : dataType.toLowerCase(Locale.ROOT);
        if (NUMERIC_TYPES.contains(type) || type.equals("bit") && raw.startsWith("b'")) {
            return raw;
        }
        return "'" + raw.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** {@code CURRENT_TIMESTAMP} and {@code now()} become {@code current_timestamp()}; precision kept. */
    private static String timestampFunction(String raw) {
        int paren = raw.indexOf('(');
        return "current_timestamp" + (paren < 0 ? "()" : raw.substring(paren));
    }
}
