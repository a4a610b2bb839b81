package io.oscar.engine.api;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.alter.AlterAnalyzer;
import io.oscar.engine.alter.SharedKeyResult;
import io.oscar.engine.alter.SharedKeys;
import io.oscar.engine.check.CheckContext;
import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.inspect.AlterAlgorithm;
import io.oscar.engine.inspect.InstantProbe;
import io.oscar.engine.inspect.Inspector;
import io.oscar.engine.inspect.ReplicaStatus;
import io.oscar.engine.plan.MigrationOptions;
import io.oscar.engine.plan.MigrationPlan;
import io.oscar.engine.plan.Planner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.Identifiers;

import java.sql.Connection;
import java.util.HashSet;
import java.util.List;

/**
 * Reads everything a plan needs from the servers (table, FK tree, binlog, replica, privileges,
 * leftover tables), asks the server which ALTER algorithm it could use, and hands it to the
 * {@link Planner}. Writes nothing but the empty probe table, which it drops.
 */
final class Preparer {
    private final Connection primary;
    private final ServerFlavor flavor;
    private final String where;

    Preparer(Connection primary, ServerFlavor flavor, String where) {
        this.primary = primary;
        this.flavor = flavor;
        this.where = where;
    }

    /** @param replica the replica's inspector, or null without a replica */
    MigrationPlan prepare(TableName name, String alter, MigrationOptions options, Inspector replica) {
        Inspector inspector = new Inspector(primary, flavor, where);
        TableSchema table = inspector.table(name);
        AlterAnalysis analysis = AlterAnalyzer.analyze(table, alter);
        ReplicaStatus replicaStatus = replica == null ? null : replica.replicaStatus().orElse(null);
        CheckContext ctx = new CheckContext(flavor, table, analysis,
                withoutNulls(name, SharedKeys.find(analysis, options.allowNullableUniqueKey())),
                inspector.binlogSettings(), replica == null ? null : replica.binlogSettings(), replicaStatus,
                replica != null, inspector.globalPrivileges(), new HashSet<>(inspector.tables(name.schema())),
                ArtifactNames.of(name), options, inspector.referencingTree(name), ownReplication(inspector));
        ReplicaStatus own = ctx.primaryReplication();
        AlterAlgorithm algorithm = own != null && (own.ioRunning() || own.sqlRunning())
                ? new AlterAlgorithm(AlterAlgorithm.Kind.UNKNOWN, "not probed: this server is a replica")
                : probe(name, analysis);
        return Planner.plan(ctx, algorithm);
    }

    /** The primary's own replication (it should have none), or null when it has none or the user may not look. */
    private static ReplicaStatus ownReplication(Inspector inspector) {
        try {
            return inspector.replicaStatus().orElse(null);
        } catch (OscarException e) {
            return null;
        }
    }

    /**
     * A nullable shared key (allowed by allowNullableUniqueKey) is usable only while it holds no NULL: the copy walks
     * the key by ranges, which no NULL falls in, so such rows would be left behind. One query with LIMIT 1 decides.
     */
    private SharedKeyResult withoutNulls(TableName name, SharedKeyResult keys) {
        if (keys.chosen() == null || !keys.chosen().nullable()) {
            return keys;
        }
        List<String> columns = keys.chosen().oldColumns();
        String where = String.join(" OR ", columns.stream().map(c -> Identifiers.quote(c) + " IS NULL").toList());
        boolean nulls;
        try (var st = primary.createStatement();
             var rs = st.executeQuery("SELECT 1 FROM " + name.quoted() + " WHERE " + where + " LIMIT 1")) {
            nulls = rs.next();
        } catch (java.sql.SQLException e) {
            throw new OscarException(ErrorCode.SQL_FAILED, "checking " + name + " for NULLs in its key (" + String.join(", ", columns)
                    + ") on " + this.where + " failed: " + e.getMessage(), e);
        }
        if (!nulls) {
            return keys;
        }
        return new SharedKeyResult(null, List.of(), List.of(), name + ": the shared key " + keys.chosen() + " is nullable"
                + " (allowed by allowNullableUniqueKey) and holds NULLs (SELECT ... WHERE " + where + " finds rows): the copy"
                + " walks that key and would leave those rows behind. Set them to values and make the columns NOT NULL,"
                + " or add a NOT NULL unique key first");
    }

    private AlterAlgorithm probe(TableName name, AlterAnalysis analysis) {
        if (!analysis.droppedForeignKeys().isEmpty() || !analysis.addedForeignKeys().isEmpty()) {
            return new AlterAlgorithm(AlterAlgorithm.Kind.UNKNOWN,
                    "the ALTER changes foreign keys, which an empty copy of the table does not have");
        }
        return new InstantProbe(primary, flavor, where).probe(name, analysis.clauses());
    }
}
