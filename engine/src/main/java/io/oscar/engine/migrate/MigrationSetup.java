package io.oscar.engine.migrate;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.alter.SharedKey;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.plan.MigrationOptions;
import io.oscar.engine.sql.ArtifactNames;

/**
 * What a table migration is started with: where (primary, and the replica to read the binlog from and
 * measure lag on, or null), what (the analysed ALTER, the shared key), and how (options).
 */
public record MigrationSetup(ConnectionSpec primary, ConnectionSpec replica, ServerFlavor flavor, ArtifactNames names,
                             AlterAnalysis analysis, SharedKey key, MigrationOptions options) {
}
