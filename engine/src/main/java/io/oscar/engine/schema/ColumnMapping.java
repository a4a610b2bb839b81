package io.oscar.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * Which columns of the original table are copied to which columns of the new table, in the new
 * table's column order. Generated columns are excluded on both sides: the server computes them.
 * Added columns (no old side) and dropped columns (no new side) do not appear.
 */
public record ColumnMapping(List<Pair> pairs) {

    /** One copied column: its name in the original table and in the new table (equal unless renamed). */
    public record Pair(String oldName, String newName) {
        public boolean renamed() {
            return !oldName.equals(newName);
        }
    }

    public ColumnMapping {
        pairs = List.copyOf(pairs);
    }

    public List<String> oldNames() {
        return pairs.stream().map(Pair::oldName).toList();
    }

    public List<String> newNames() {
        return pairs.stream().map(Pair::newName).toList();
    }

    /** The new name of an original column (matched case-insensitively), empty if it is not copied. */
    public Optional<String> newNameOf(String oldName) {
        return pairs.stream().filter(p -> p.oldName.equalsIgnoreCase(oldName)).map(Pair::newName).findFirst();
    }

    /** The original name of a new column (matched case-insensitively), empty if it is not copied. */
    public Optional<String> oldNameOf(String newName) {
        return pairs.stream().filter(p -> p.newName.equalsIgnoreCase(newName)).map(Pair::oldName).findFirst();
    }
}
