package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.CutOverSql;

import java.util.List;
import java.util.Locale;

/**
 * The fallback when the MDL instrument is off: the renamer's processlist state
 * ({@code Waiting for table metadata lock}) while its statement is the RENAME. It cannot say which
 * table the RENAME waits for, so {@link #waitingExclusiveOn} is only sound when {@code t} is the first
 * table in the server's lock order (sorts before {@code _t_del}); {@link QueueProbes} refuses otherwise.
 */
final class ProcesslistProbe implements RenameQueueProbe {
    private final StatementRunner controller;
    private final long connectionId;

    ProcesslistProbe(StatementRunner controller, long connectionId) {
        this.controller = controller;
        this.connectionId = connectionId;
    }

    @Override
    public boolean waitingAny() {
        List<Boolean> rows = controller.query(CutOverSql.processlistEntry(connectionId), rs ->
                CutOverSql.MDL_WAIT_STATE.equals(rs.getString(1))
                        && rs.getString(2) != null && rs.getString(2).toUpperCase(Locale.ROOT).contains("RENAME TABLE"));
        return !rows.isEmpty() && rows.get(0);
    }

    /** Sound only for a table that comes first in the RENAME's lock order (see the class comment). */
    @Override
    public boolean waitingExclusiveOn(TableName table) {
        return waitingAny();
    }
}
