package io.oscar.engine.cutover;

import io.oscar.engine.schema.TableName;

/**
 * Tells the locker whether the renamer's RENAME waits behind a metadata lock. Polled from the
 * controller connection, never from the locker (which must stay free to unlock), and never through
 * {@code information_schema.TABLES} (that blocks on the sentry while the RENAME holds it).
 */
interface RenameQueueProbe {

    /** The RENAME waits for some table's metadata lock (its first one, in the server's lock order). */
    boolean waitingAny();

    /** The RENAME waits for an EXCLUSIVE metadata lock on {@code table}. */
    boolean waitingExclusiveOn(TableName table);
}
