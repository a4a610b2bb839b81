package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.CutOverSql;

import java.util.List;

/**
 * Reads the renamer's PENDING table locks from {@code performance_schema.metadata_locks} (needs
 * performance_schema ON and the {@code wait/lock/metadata/sql/mdl} instrument enabled). Exact: it names
 * the table, which matters because the RENAME takes its locks one by one in name order and, for a
 * lower-case {@code t}, first waits on the sentry {@code _t_del}, not on {@code t}.
 */
final class MetadataLockProbe implements RenameQueueProbe {
    private record Pending(String schema, String table, String type) {
    }

    private final StatementRunner controller;
    private final long connectionId;
    private Long threadId;

    MetadataLockProbe(StatementRunner controller, long connectionId) {
        this.controller = controller;
        this.connectionId = connectionId;
    }

    @Override
    public boolean waitingAny() {
        return !pending().isEmpty();
    }

    @Override
    public boolean waitingExclusiveOn(TableName table) {
        return pending().stream().anyMatch(p -> p.schema().equals(table.schema()) && p.table().equals(table.table())
                && p.type().equals("EXCLUSIVE"));
    }

    private List<Pending> pending() {
        if (threadId == null) {
            List<Long> ids = controller.query(CutOverSql.threadId(connectionId), rs -> rs.getLong(1));
            if (ids.isEmpty()) {
                return List.of();
            }
            threadId = ids.get(0);
        }
        return controller.query(CutOverSql.pendingTableLocks(threadId),
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
