package io.oscar.engine.copy;

import io.oscar.engine.schema.TableName;

import java.util.List;

/**
 * What to copy where: the original and the ghost, the shared unique key (index name on the original
 * and its columns there), and the columns to copy, aligned one to one (original name, ghost name).
 */
public record CopyTarget(TableName source, TableName ghost, String index, List<String> key,
                         List<String> sourceColumns, List<String> ghostColumns) {

    public CopyTarget {
        key = List.copyOf(key);
        sourceColumns = List.copyOf(sourceColumns);
        ghostColumns = List.copyOf(ghostColumns);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("no key columns");
        }
        if (sourceColumns.isEmpty() || sourceColumns.size() != ghostColumns.size()) {
            throw new IllegalArgumentException("column lists do not line up: " + sourceColumns + " vs " + ghostColumns);
        }
    }
}
