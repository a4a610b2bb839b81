package io.oscar.engine.sql;

import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements of the row copy: the key's bounds, the end of the next chunk, and the chunk's
 * {@code INSERT IGNORE ... SELECT} (IGNORE: a row the applier already wrote from the binlog is newer
 * than what the copy reads, and must win).
 */
public final class CopySql {
    private CopySql() {
    }

    /** {@code SELECT key FROM t ORDER BY key [DESC] LIMIT 1}: the first or last key. */
    public static SqlStatement boundary(TableName table, String index, List<String> key, boolean last) {
        String order = orderBy(key, last);
        return SqlStatement.of(table.table() + (last ? " max key" : " min key"),
                "SELECT " + Identifiers.list(key) + " FROM " + table.quoted() + " FORCE INDEX (" + Identifiers.quote(index) + ")"
                        + " ORDER BY " + order + " LIMIT 1");
    }

    /**
     * The last key of the next chunk: at most {@code size} rows after {@code from} (exclusive; null
     * means from the start) and not beyond {@code max} (inclusive).
     */
    public static SqlStatement chunkEnd(TableName table, String index, List<String> key, List<Object> from,
                                        List<Object> max, int size) {
        KeyRange.Fragment range = KeyRange.between(key, from, max);
        List<Object> args = new ArrayList<>(range.args());
        args.add(size);
        String inner = "SELECT " + Identifiers.list(key) + " FROM " + table.quoted() + " FORCE INDEX (" + Identifiers.quote(index) + ")"
                + " WHERE " + range.sql() + " ORDER BY " + orderBy(key, false) + " LIMIT ?";
        return new SqlStatement("/* oscar " + table.table() + " chunk end */ SELECT " + Identifiers.list(key)
                + " FROM (" + inner + ") chunk ORDER BY " + orderBy(key, true) + " LIMIT 1", args, table.table() + " chunk end");
    }

    /**
     * Copies the rows with key in {@code (from, to]} ({@code from} null: from the start). Reads with a
     * shared lock so a row being changed is copied in its committed state, ordered with the binlog.
     */
    public static SqlStatement copyChunk(TableName source, TableName ghost, String index, List<String> key,
                                         List<String> sourceColumns, List<String> ghostColumns,
                                         List<Object> from, List<Object> to) {
        KeyRange.Fragment range = KeyRange.between(key, from, to);
        return new SqlStatement("/* oscar " + source.table() + " copy */ INSERT IGNORE INTO " + ghost.quoted()
                + " (" + Identifiers.list(ghostColumns) + ") SELECT " + Identifiers.list(sourceColumns)
                + " FROM " + source.quoted() + " FORCE INDEX (" + Identifiers.quote(index) + ")"
                + " WHERE " + range.sql() + " LOCK IN SHARE MODE", range.args(), source.table() + " copy");
    }

    private static String orderBy(List<String> key, boolean desc) {
        List<String> parts = new ArrayList<>();
        for (String k : key) {
            parts.add(Identifiers.quote(k) + (desc ? " DESC" : ""));
        }
        return String.join(", ", parts);
    }

    /** Deletes the ghost's rows with key in {@code (from, to]} ({@code from} null: from the start; {@code to} null: to the end). */
    public static SqlStatement deleteRange(TableName ghost, List<String> ghostKey, List<Object> from, List<Object> to) {
        KeyRange.Fragment range = KeyRange.between(ghostKey, from, to);
        return new SqlStatement("/* oscar " + ghost.table() + " re-copy */ DELETE FROM " + ghost.quoted()
                + " WHERE " + range.sql(), range.args(), ghost.table() + " re-copy");
    }

    /** Deletes the ghost's rows with these shared-key values (a verification re-copy by key). */
    public static SqlStatement deleteKeys(TableName ghost, List<String> ghostKey, List<Object[]> keys) {
        KeyRange.Fragment f = KeyRange.anyOf(ghostKey, keys);
        return new SqlStatement("/* oscar " + ghost.table() + " re-copy */ DELETE FROM " + ghost.quoted()
                + " WHERE " + f.sql(), f.args(), ghost.table() + " re-copy");
    }

    /** Copies the original's rows with these shared-key values, as {@link #copyChunk} copies a range. */
    public static SqlStatement copyKeys(TableName source, TableName ghost, String index, List<String> key,
                                        List<String> sourceColumns, List<String> ghostColumns, List<Object[]> keys) {
        KeyRange.Fragment f = KeyRange.anyOf(key, keys);
        return new SqlStatement("/* oscar " + source.table() + " re-copy */ INSERT IGNORE INTO " + ghost.quoted()
                + " (" + Identifiers.list(ghostColumns) + ") SELECT " + Identifiers.list(sourceColumns)
                + " FROM " + source.quoted() + " FORCE INDEX (" + Identifiers.quote(index) + ")"
                + " WHERE " + f.sql() + " LOCK IN SHARE MODE", f.args(), source.table() + " re-copy");
    }
}
