package io.oscar.engine.sql;

import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * The verify step's statement: the row count and {@code BIT_XOR(CRC32(row text))} of one key range of one
 * table. Run once on the original with its column names and once on the ghost with the ghost's names
 * (and the ghost's names of the key columns); equal results mean equal rows, up to CRC32 collisions.
 * A consistent read, no locks: the caller chooses the point in time (see {@code io.oscar.engine.verify}).
 */
public final class ChecksumSql {
    private ChecksumSql() {
    }

    /**
     * {@code SELECT COUNT(*), BIT_XOR(CRC32(CONCAT(pieces, ...)))} over the rows with key in
     * {@code (from, to]}: {@code from} null means from the start, {@code to} null means to the end.
     *
     * @param index   the shared key's index name on this table (FORCE INDEX: a range scan, never a table scan)
     * @param key     the key's column names on this table
     * @param columns the compared columns, named and formed for this table, in the same order on both sides
     */
    public static SqlStatement checksum(TableName table, String index, List<String> key, List<ColumnText> columns,
                                        List<Object> from, List<Object> to) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns to compare");
        }
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (from != null) {
            add(KeyRange.after(key, from, false), where, args);
        }
        if (to != null) {
            add(KeyRange.before(key, to, true), where, args);
        }
        String tag = table.table() + " checksum";
        return new SqlStatement("/* oscar " + tag + " */ SELECT COUNT(*), BIT_XOR(CRC32(" + rowText(columns) + "))"
                + " FROM " + table.quoted() + " FORCE INDEX (" + Identifiers.quote(index) + ")"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)), args, tag);
    }

    /**
     * The same sums over the rows with the given shared-key values (a batch of the rows the applier touched).
     */
    public static SqlStatement checksumKeys(TableName table, String index, List<String> key, List<ColumnText> columns,
                                            List<Object[]> keys) {
        KeyRange.Fragment f = KeyRange.anyOf(key, keys);
        String tag = table.table() + " checksum rows";
        return new SqlStatement("/* oscar " + tag + " */ SELECT COUNT(*), BIT_XOR(CRC32(" + rowText(columns) + "))"
                + " FROM " + table.quoted() + " FORCE INDEX (" + Identifiers.quote(index) + ") WHERE " + f.sql(), f.args(), tag);
    }

    /** {@code CONCAT(pieces of each column)}, one flat CONCAT: see {@link ColumnText#token()}. */
    static String rowText(List<ColumnText> columns) {
        List<String> tokens = new ArrayList<>();
        for (ColumnText c : columns) {
            tokens.add(c.token());
        }
        return "CONCAT(" + String.join(", ", tokens) + ")";
    }

    private static void add(KeyRange.Fragment f, List<String> where, List<Object> args) {
        where.add(f.sql());
        args.addAll(f.args());
    }
}
