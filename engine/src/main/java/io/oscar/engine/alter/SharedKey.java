package io.oscar.engine.alter;

import io.oscar.engine.schema.Index;

import java.util.List;

/**
 * A unique key present, by columns, in both the original and the new table: rows are copied in its
 * order and binlog changes are matched to ghost rows by it.
 *
 * @param oldKey     the key in the original table
 * @param newKey     the key in the new table with the same columns (its name may differ)
 * @param oldColumns the key's columns as the original table names them, in the old key's order
 * @param newColumns the same columns as the new table names them (renames applied), same order
 * @param nullable   whether any key column is nullable (only chosen with allowNullable)
 */
public record SharedKey(Index oldKey, Index newKey, List<String> oldColumns, List<String> newColumns, boolean nullable) {

    public SharedKey {
        oldColumns = List.copyOf(oldColumns);
        newColumns = List.copyOf(newColumns);
    }

    /** Primary key on both sides ranks first, then on one side; then fewer columns. */
    int rank() {
        return (oldKey.primary() ? 0 : 1) + (newKey.primary() ? 0 : 1);
    }

    @Override
    public String toString() {
        return oldKey.name() + " (" + String.join(", ", oldColumns) + ")"
                + (oldKey.name().equals(newKey.name()) && oldColumns.equals(newColumns) ? ""
                : " as " + newKey.name() + " (" + String.join(", ", newColumns) + ")");
    }
}
