package io.oscar.engine.apply;

import io.oscar.engine.schema.ColumnMapping;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * How a row of the original (as the binlog delivers it, aligned with the original's columns) becomes a
 * row of the ghost: which positions to take, under which ghost names, and the shared key's positions.
 */
public final class ApplyTarget {
    private final TableName ghost;
    private final List<String> ghostColumns = new ArrayList<>();
    private final int[] valueIndexes;
    private final List<String> ghostKeyColumns;
    private final int[] keyIndexes;
    private final int[] ghostKeyInValues;

    /**
     * @param original       the original table (its column order is the binlog rows' order)
     * @param mapping        copied columns, original name to ghost name
     * @param keyOnOriginal  the shared key's columns as the original names them
     * @param keyOnGhost     the same columns as the ghost names them, same order
     */
    public ApplyTarget(TableSchema original, TableName ghost, ColumnMapping mapping, List<String> keyOnOriginal,
                       List<String> keyOnGhost) {
        this.ghost = ghost;
        List<String> names = original.columnNames();
        valueIndexes = new int[mapping.pairs().size()];
        for (int i = 0; i < mapping.pairs().size(); i++) {
            valueIndexes[i] = indexOf(names, mapping.pairs().get(i).oldName());
            ghostColumns.add(mapping.pairs().get(i).newName());
        }
        ghostKeyColumns = List.copyOf(keyOnGhost);
        keyIndexes = new int[keyOnOriginal.size()];
        ghostKeyInValues = new int[keyOnGhost.size()];
        for (int i = 0; i < keyOnOriginal.size(); i++) {
            keyIndexes[i] = indexOf(names, keyOnOriginal.get(i));
            ghostKeyInValues[i] = indexOf(ghostColumns, keyOnGhost.get(i));
        }
    }

    private static int indexOf(List<String> names, String column) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column " + column + " is not in " + names);
    }

    public TableName ghost() {
        return ghost;
    }

    public List<String> ghostColumns() {
        return ghostColumns;
    }

    public List<String> ghostKeyColumns() {
        return ghostKeyColumns;
    }

    /** The ghost row's values, in {@link #ghostColumns()} order. */
    public Object[] values(Object[] originalRow) {
        Object[] out = new Object[valueIndexes.length];
        for (int i = 0; i < valueIndexes.length; i++) {
            out[i] = originalRow[valueIndexes[i]];
        }
        return out;
    }

    /** The shared key's values taken from a ghost row built by {@link #values}, in {@link #ghostKeyColumns()} order. */
    public Object[] keyOfValues(Object[] ghostRow) {
        Object[] out = new Object[ghostKeyInValues.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ghostRow[ghostKeyInValues[i]];
        }
        return out;
    }

    /** The shared key's values, in {@link #ghostKeyColumns()} order. */
    public Object[] key(Object[] originalRow) {
        Object[] out = new Object[keyIndexes.length];
        for (int i = 0; i < keyIndexes.length; i++) {
            out[i] = originalRow[keyIndexes[i]];
        }
        return out;
    }
}
