package io.oscar.engine.binlog;

import io.oscar.engine.schema.TableName;

/**
 * One row written, changed or deleted, decoded with the subscribed table's schema.
 *
 * <p>{@code before} and {@code after} are aligned with {@code TableSchema.columns()}: index i holds the
 * value of column i, null for SQL NULL or for a column the event did not carry (binlog_row_image other
 * than FULL). INSERT has no {@code before}, DELETE no {@code after}: those arrays are null. Value types
 * are documented on {@link ColumnDecoder}. The arrays are not copied: consumers must not change them.
 *
 * @param position where the binlog stands after this event; resuming there skips this change
 */
public record RowChange(TableName table, Kind kind, Object[] before, Object[] after, BinlogPosition position) {

    public enum Kind { INSERT, UPDATE, DELETE }

    /** The row as it is now: {@code after}, or {@code before} for a DELETE. */
    public Object[] current() {
        return kind == Kind.DELETE ? before : after;
    }
}
