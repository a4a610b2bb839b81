package io.oscar.engine.alter;

import io.oscar.engine.schema.ColumnMapping;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;

import java.util.List;
import java.util.Map;

/**
 * What one ALTER does to one table, as far as a migration needs to know.
 *
 * @param clauses            the clauses to apply to the ghost table, as written, without {@code ALTER TABLE name}
 *                           (ALGORITHM and LOCK stripped): {@code ALTER TABLE `_t_gho` } + clauses
 * @param after              the table after the change (same name and statistics as {@code before})
 * @param columnMapping      copied columns, old name to new name, in the new table's order, generated columns excluded
 * @param addedColumns       columns of the new table that have no origin in the old one
 * @param droppedColumns     columns of the old table that the new one does not keep
 * @param renamedColumns     old name to new name, in the old table's order, generated columns included
 * @param typeChanges        columns whose type changes (display widths such as {@code int(11)} vs {@code int} do not count)
 * @param droppedKeys        keys of the old table not in the new one under the same name and columns
 * @param addedKeys          keys of the new table not in the old one under the same name and columns
 * @param droppedForeignKeys foreign keys of the old table the new one does not have unchanged
 * @param addedForeignKeys   foreign keys of the new table the old one does not have unchanged
 * @param convertsCharset    whether the ALTER converts the text columns' character set (CONVERT TO)
 * @param warnings           what the operator should know: stripped clauses, attributes the model ignores...
 */
public record AlterAnalysis(TableSchema before, TableSchema after, String clauses, ColumnMapping columnMapping,
                            List<String> addedColumns, List<String> droppedColumns, Map<String, String> renamedColumns,
                            List<TypeChange> typeChanges, List<Index> droppedKeys, List<Index> addedKeys,
                            List<ForeignKey> droppedForeignKeys, List<ForeignKey> addedForeignKeys,
                            boolean convertsCharset, List<String> warnings) {

    /** A column that keeps its identity but changes type: {@code id int} to {@code id bigint}. */
    public record TypeChange(String oldName, String newName, String oldType, String newType) {
    }

    public AlterAnalysis {
        addedColumns = List.copyOf(addedColumns);
        droppedColumns = List.copyOf(droppedColumns);
        renamedColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(renamedColumns));
        typeChanges = List.copyOf(typeChanges);
        droppedKeys = List.copyOf(droppedKeys);
        addedKeys = List.copyOf(addedKeys);
        droppedForeignKeys = List.copyOf(droppedForeignKeys);
        addedForeignKeys = List.copyOf(addedForeignKeys);
        warnings = List.copyOf(warnings);
    }

    /** The statement that applies this ALTER to another table, e.g. the ghost {@code `s`.`_t_gho`}. */
    public String alterStatementFor(String quotedTable) {
        return "ALTER TABLE " + quotedTable + " " + clauses;
    }

    /** The type change of an original column (matched case-insensitively), or null. */
    public TypeChange typeChangeOf(String oldName) {
        return typeChanges.stream().filter(c -> c.oldName().equalsIgnoreCase(oldName)).findFirst().orElse(null);
    }
}
