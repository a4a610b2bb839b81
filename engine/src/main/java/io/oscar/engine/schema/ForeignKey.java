package io.oscar.engine.schema;

import java.util.List;

/**
 * A foreign key: {@code child(childColumns)} references {@code parent(parentColumns)}.
 *
 * @param onDelete {@code RESTRICT}, {@code CASCADE}, {@code SET NULL}, {@code NO ACTION} or {@code SET DEFAULT}
 */
public record ForeignKey(String name, TableName child, List<String> childColumns, TableName parent,
                         List<String> parentColumns, String onDelete, String onUpdate) {

    public ForeignKey {
        childColumns = List.copyOf(childColumns);
        parentColumns = List.copyOf(parentColumns);
    }

    /** Whether a DELETE or UPDATE on the parent changes child rows (which the binlog does not record). */
    public boolean cascades() {
        return changesChildren(onDelete) || changesChildren(onUpdate);
    }

    private static boolean changesChildren(String action) {
        return action != null && (action.equalsIgnoreCase("CASCADE") || action.toUpperCase().startsWith("SET "));
    }

    /** The child column that references this parent column, or null. */
    public String childColumnFor(String parentColumn) {
        int i = parentColumns.indexOf(parentColumn);
        return i < 0 ? null : childColumns.get(i);
    }
}
