package io.oscar.engine.binlog;

/**
 * Receives the changes of one subscribed table, on the {@code oscar-binlog} thread, in binlog order.
 * An exception thrown here stops the stream: it becomes {@link BinlogStreamer#failure()}.
 */
@FunctionalInterface
public interface RowChangeListener {
    void onChange(RowChange change);
}
