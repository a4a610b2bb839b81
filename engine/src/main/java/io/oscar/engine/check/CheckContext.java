package io.oscar.engine.check;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.alter.SharedKeyResult;
import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.inspect.BinlogSettings;
import io.oscar.engine.inspect.ReplicaStatus;
import io.oscar.engine.plan.MigrationOptions;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableSchema;
import io.oscar.engine.sql.ArtifactNames;

import java.util.List;
import java.util.Set;

/**
 * Everything the preflight checks look at, read once from the servers before they run.
 *
 * @param replicaBinlog   the replica's binlog settings, null without a replica
 * @param replicaStatus   the replica's replication state, null without a replica (or when it replicates from nothing)
 * @param hasReplica      whether the session has a replica (the binlog is then read from it)
 * @param privileges      the oscar user's global privileges on the primary (as {@code Inspector.globalPrivileges()})
 * @param tablesInSchema  the names of every table in the migrated table's schema (for left-over artifacts)
 * @param referencingTree every FK that reaches the table (children, grandchildren...)
 * @param primaryReplication the server given as the primary's own replication state ({@code SHOW SLAVE STATUS}
 *                        there), null when it replicates from nothing or the user may not look
 */
public record CheckContext(ServerFlavor flavor, TableSchema table, AlterAnalysis analysis, SharedKeyResult sharedKey,
                           BinlogSettings primaryBinlog, BinlogSettings replicaBinlog, ReplicaStatus replicaStatus,
                           boolean hasReplica, Set<String> privileges, Set<String> tablesInSchema,
                           ArtifactNames artifacts, MigrationOptions options, List<ForeignKey> referencingTree,
                           ReplicaStatus primaryReplication) {

    public CheckContext {
        privileges = Set.copyOf(privileges);
        tablesInSchema = Set.copyOf(tablesInSchema);
        referencingTree = List.copyOf(referencingTree);
    }
}
