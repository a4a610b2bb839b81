package io.oscar.engine.schema;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.Objects;

/** A schema-qualified table name. {@link #toString()} is {@code schema.table}; {@link #quoted()} is for SQL. */
public record TableName(String schema, String table) implements Comparable<TableName> {

    public TableName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        if (schema.isEmpty() || table.isEmpty()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "empty schema or table name");
        }
    }

    /**
     * Reads {@code table}, {@code schema.table} or back-quoted forms ({@code `my.schema`.`t`}).
     *
     * @param defaultSchema used when the text names no schema; may be null
     */
    public static TableName parse(String text, String defaultSchema) {
        if (text == null || text.isBlank()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "expected a table name (schema.table)");
        }
        String t = text.strip();
        String schema = null;
        String table;
        if (t.startsWith("`")) {
            int end = closingQuote(t, 0);
            String first = unquote(t.substring(0, end + 1));
            if (end + 1 == t.length()) {
                table = first;
            } else if (t.charAt(end + 1) == '.') {
                schema = first;
                table = unquoteOrPlain(t.substring(end + 2));
            } else {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cannot read table name '" + t + "'");
            }
        } else {
            int dot = t.indexOf('.');
            if (dot >= 0) {
                schema = t.substring(0, dot);
                table = unquoteOrPlain(t.substring(dot + 1));
            } else {
                table = t;
            }
        }
        if (schema == null) {
            if (defaultSchema == null) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT,
                        "table '" + t + "' names no schema: write schema.table, or choose one first ('use SCHEMA' or --database)");
            }
            schema = defaultSchema;
        }
        return new TableName(schema, table);
    }

    /** {@code `schema`.`table`}, back-quotes doubled inside names. */
    public String quoted() {
        return quote(schema) + "." + quote(table);
    }

    /** The same schema, another table (e.g. the ghost {@code _t_gho}). */
    public TableName sibling(String otherTable) {
        return new TableName(schema, otherTable);
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public int compareTo(TableName o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : table.compareTo(o.table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }

    private static int closingQuote(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '`') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '`') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        throw new OscarException(ErrorCode.INVALID_ARGUMENT, "unclosed back-quote in '" + s + "'");
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("``", "`");
    }

    private static String unquoteOrPlain(String s) {
        if (s.startsWith("`")) {
            int end = closingQuote(s, 0);
            if (end != s.length() - 1) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cannot read table name '" + s + "'");
            }
            return unquote(s);
        }
        return s;
    }
}
