package io.oscar.engine.schema;

import java.util.List;

/**
 * A key of a table: the primary key, a unique key or a plain index. Column order matters.
 *
 * @param name {@code PRIMARY} for the primary key
 */
public record Index(String name, List<String> columns, boolean unique, boolean primary) {

    public static final String PRIMARY = "PRIMARY";

    public Index {
        columns = List.copyOf(columns);
    }

    /** Whether this key covers exactly these columns, in any order (keys are compared by columns, not names). */
    public boolean sameColumnsAs(Index other) {
        return columns.size() == other.columns.size() && columns.containsAll(other.columns);
    }
}
