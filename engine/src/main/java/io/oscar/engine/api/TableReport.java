package io.oscar.engine.api;

import io.oscar.engine.inspect.BinlogSettings;
import io.oscar.engine.inspect.ReplicaStatus;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableSchema;

import java.util.List;

/**
 * What {@code inspect <table>} shows: the table, every FK that reaches it (children, grandchildren...),
 * and the servers' binlog and replication state. Field names are stable: they are the JSON output.
 *
 * @param referencingTree FKs that reference the table, then those that reference its children, by depth
 * @param replica          null when the session has no replica
 * @param replicaBinlog    null when the session has no replica
 * @param replicaStatus    null when there is no replica, or it replicates from nothing
 */
public record TableReport(TableSchema table, List<ForeignKey> referencingTree, ServerInfo primary,
                          BinlogSettings primaryBinlog, ServerInfo replica, BinlogSettings replicaBinlog,
                          ReplicaStatus replicaStatus) {

    public TableReport {
        referencingTree = List.copyOf(referencingTree);
    }
}
