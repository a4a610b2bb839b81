package io.oscar.engine.sql;

import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements of the binlog applier on the ghost table: multi-row REPLACE for rows written or changed
 * (REPLACE replaces the row with the same unique key), multi-row DELETE by the shared key.
 */
public final class ApplySql {
    private ApplySql() {
    }

    /** {@code REPLACE INTO ghost (c1, c2) VALUES (?, ?), (?, ?)}; {@code rows} holds each row's values in column order. */
    public static SqlStatement replace(TableName ghost, List<String> columns, List<Object[]> rows) {
        String one = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        List<Object> args = new ArrayList<>(rows.size() * columns.size());
        List<String> tuples = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            tuples.add(one);
            args.addAll(java.util.Arrays.asList(row));
        }
        return new SqlStatement("/* oscar " + ghost.table() + " apply */ REPLACE INTO " + ghost.quoted() + " ("
                + Identifiers.list(columns) + ") VALUES " + String.join(", ", tuples), args, ghost.table() + " apply");
    }

    /** {@code DELETE FROM ghost WHERE id IN (?, ?)} (composite: {@code (k1 = ? AND k2 = ?) OR (...)}); {@code keys} holds each row's key values. */
    public static SqlStatement delete(TableName ghost, List<String> keyColumns, List<Object[]> keys) {
        KeyRange.Fragment f = KeyRange.anyOf(keyColumns, keys);
        return new SqlStatement("/* oscar " + ghost.table() + " apply */ DELETE FROM " + ghost.quoted() + " WHERE "
                + f.sql(), f.args(), ghost.table() + " apply");
    }
}
