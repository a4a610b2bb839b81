package io.oscar.engine.api;

import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.Connector;
import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.inspect.BinlogSettings;
import io.oscar.engine.inspect.Inspector;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.migrate.MigrationSetup;
import io.oscar.engine.migrate.PlanRunner;
import io.oscar.engine.plan.Decomposer;
import io.oscar.engine.plan.Plan;
import io.oscar.engine.migrate.Pacer;
import io.oscar.engine.migrate.TableMigration;
import io.oscar.engine.plan.MigrationOptions;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.throttle.Tunables;
import io.oscar.engine.plan.MigrationPlan;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * A connection-scoped handle on one primary (and optionally the replica to read from). The shell and
 * plan scripts talk to the engine only through this class. Not thread-safe: one owner drives it.
 */
public final class Session implements AutoCloseable {
    private final ConnectionSpec primarySpec;
    private final ConnectionSpec replicaSpec;
    private final Connection primary;
    private final ServerFlavor flavor;
    private final ServerFlavor replicaFlavor;
    private Connection replica;
    private final Map<TableName, TableMigration> migrations = new LinkedHashMap<>();
    private final Map<TableName, Thread> threads = new LinkedHashMap<>();
    private final Map<String, RuntimeException> planFailures = new java.util.concurrent.ConcurrentHashMap<>();
    private String currentSchema;

    private Session(ConnectionSpec primarySpec, ConnectionSpec replicaSpec, Connection primary,
                    ServerFlavor flavor, ServerFlavor replicaFlavor) {
        this.primarySpec = primarySpec;
        this.replicaSpec = replicaSpec;
        this.primary = primary;
        this.flavor = flavor;
        this.replicaFlavor = replicaFlavor;
        this.currentSchema = primarySpec.database();
    }

    /**
     * Connects to the primary, and checks the replica answers when one is given.
     *
     * @param replica null when there is none
     */
    public static Session connect(ConnectionSpec primary, ConnectionSpec replica) {
        Connector connector = new Connector();
        Connection c = connector.open(primary);
        try {
            ServerFlavor flavor = Connector.flavorOf(c, primary);
            requireSupported(flavor, primary);
            ServerFlavor replicaFlavor = null;
            if (replica != null) {
                try (Connection r = openReplica(connector, replica)) {
                    replicaFlavor = Connector.flavorOf(r, replica);
                    requireSupported(replicaFlavor, replica);
                }
            }
            return new Session(primary, replica, c, flavor, replicaFlavor);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(c);
            if (e instanceof OscarException oe) {
                throw oe;
            }
            throw new OscarException(ErrorCode.SQL_FAILED, "connecting to " + primary.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Opens the replica; a failure says it was the replica (the --replica option), not the primary. */
    private static Connection openReplica(Connector connector, ConnectionSpec replica) {
        try {
            return connector.open(replica);
        } catch (OscarException e) {
            String m = e.getMessage().replace("(check --host and --port)", "(check --replica HOST:PORT)");
            throw new OscarException(e.code(), "the replica: " + m, e);
        }
    }

    private static void requireSupported(ServerFlavor flavor, ConnectionSpec spec) {
        if (!flavor.supported()) {
            throw new OscarException(ErrorCode.UNSUPPORTED_SERVER, spec.describe() + " runs " + flavor.label()
                    + "; oscar supports MySQL 5.7 and later and MariaDB 10.3 and later");
        }
    }

    public ServerFlavor flavor() {
        return flavor;
    }

    public ConnectionSpec primarySpec() {
        return primarySpec;
    }

    public Optional<ConnectionSpec> replicaSpec() {
        return Optional.ofNullable(replicaSpec);
    }

    /** The servers this session is connected to, primary first. */
    public List<ServerInfo> servers() {
        List<ServerInfo> out = new ArrayList<>();
        out.add(new ServerInfo("primary", primarySpec.describe(), flavor, flavor.versionString()));
        if (replicaSpec != null) {
            out.add(new ServerInfo("replica", replicaSpec.describe(), replicaFlavor, replicaFlavor.versionString()));
        }
        return out;
    }

    /** The schema that unqualified table names refer to, or null. */
    public String currentSchema() {
        return currentSchema;
    }

    /** Makes {@code schema} the default for unqualified table names; it must exist. */
    public synchronized void use(String schema) {
        List<String> all = primaryInspector().schemas();
        if (all.stream().noneMatch(s -> s.equals(schema))) {
            String similar = all.stream().filter(s -> s.equalsIgnoreCase(schema)).findFirst()
                    .map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new OscarException(ErrorCode.TABLE_NOT_FOUND,
                    "schema '" + schema + "' does not exist on " + primarySpec.describe() + similar);
        }
        currentSchema = schema;
    }

    /** Reads {@code schema.table} or {@code table} (in the current schema). */
    public TableName tableName(String text) {
        return TableName.parse(text, currentSchema);
    }

    /** The table, its FK tree and the servers' binlog and replication state. */
    public synchronized TableReport inspect(String table) {
        TableName name = tableName(table);
        Inspector inspector = primaryInspector();
        TableSchema schema = inspector.table(name);
        List<ForeignKey> tree = inspector.referencingTree(name);
        BinlogSettings binlog = inspector.binlogSettings();
        List<ServerInfo> servers = servers();
        if (replicaSpec == null) {
            return new TableReport(schema, tree, servers.get(0), binlog, null, null, null);
        }
        Inspector onReplica = replicaInspector();
        return new TableReport(schema, tree, servers.get(0), binlog, servers.get(1), onReplica.binlogSettings(),
                onReplica.replicaStatus().orElse(null));
    }

    /**
     * How oscar would run {@code alter} on {@code table}: checks, shared key, what the server could do
     * instead, foreign keys that must change too, and the steps. Creates and drops an empty probe table.
     */
    public synchronized MigrationPlan prepare(String table, String alter, MigrationOptions options) {
        return new Preparer(primary, flavor, primarySpec.describe())
                .prepare(tableName(table), alter, options, replicaSpec == null ? null : replicaInspector());
    }

    /**
     * Plans and starts migrating {@code table} in the background ({@code oscar-engine-<table>}); returns at once.
     * Refuses when the plan is blocked (the message lists the failed checks) or the table is already migrating.
     */
    public MigrationPlan start(String table, String alter, MigrationOptions options, MigrationListener listener) {
        MigrationPlan plan = prepare(table, alter, options);
        if (!plan.runnable()) {
            throw new OscarException(ErrorCode.PREFLIGHT_FAILED, "cannot migrate " + plan.table() + ": " + String.join("; ",
                    plan.failures().stream().map(f -> f.check() + ": " + f.message()).toList()));
        }
        TableMigration running = migrations.get(plan.table());
        if (running != null && !running.progress().phase().finished()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, plan.table() + " is already being migrated; see 'status'");
        }
        MigrationSetup setup = new MigrationSetup(primarySpec, replicaSpec, flavor, ArtifactNames.of(plan.table()),
                plan.analysis(), plan.sharedKey().require(), options);
        TableMigration migration = new TableMigration(plan, setup, listener, Pacer.system());
        migrations.put(plan.table(), migration);
        Thread t = new Thread(migration, "oscar-engine-" + plan.table().table());
        t.setDaemon(true);
        threads.put(plan.table(), t);
        t.start();
        return plan;
    }

    /**
     * The plan for an ALTER: one migrate step when the table can be migrated alone; when the ALTER changes
     * columns that foreign keys reference, the multi-table plan (drop the keys, migrate the children and
     * grandchildren, migrate the table, check orphans and restore each key). Refuses what cannot run.
     */
    public synchronized Plan planFor(String table, String alter, MigrationOptions options) {
        MigrationPlan single = prepare(table, alter, options);
        if (single.childForeignKeys().isEmpty()) {
            if (!single.runnable()) {
                throw new OscarException(ErrorCode.PREFLIGHT_FAILED, "cannot migrate " + single.table() + ": " + String.join("; ",
                        single.failures().stream().map(f -> f.check() + ": " + f.message()).toList()));
            }
            return new Plan(single.table().table(), "ALTER " + single.table() + " " + single.clauses(), single.steps());
        }
        Inspector inspector = primaryInspector();
        Map<TableName, TableSchema> children = new LinkedHashMap<>();
        single.childForeignKeys().forEach(fk -> children.computeIfAbsent(fk.child(), inspector::table));
        return Decomposer.decompose(single, children, options);
    }

    /**
     * Runs a plan on a background thread ({@code oscar-plan-<name>}); its table migrations appear in
     * {@link #status()}. A re-run of the same plan resumes after its last finished step.
     */
    public Thread runPlan(Plan plan, MigrationListener listener, PlanRunner.PauseHandler pauses) {
        return runPlan(plan, listener, pauses, false);
    }

    /**
     * As {@link #runPlan(Plan, MigrationListener, PlanRunner.PauseHandler)}; with {@code autoCutover} every
     * migration of the plan cuts over by itself, postponed or not (rehearsals).
     */
    public Thread runPlan(Plan plan, MigrationListener listener, PlanRunner.PauseHandler pauses, boolean autoCutover) {
        Connection c = new Connector().open(primarySpec);
        PlanRunner runner = new PlanRunner(new StatementRunner(c, primarySpec.describe()), migrator(listener, autoCutover),
                listener, pauses);
        Thread t = new Thread(() -> {
            try {
                runner.run(plan);
            } catch (RuntimeException e) {
                planFailures.put(plan.name(), e);
                listener.event("plan " + plan.name(), "failed: " + e.getMessage());
            } finally {
                closeQuietly(c);
            }
        }, "oscar-plan-" + plan.name());
        t.setDaemon(true);
        planFailures.remove(plan.name());
        t.start();
        return t;
    }

    /** The failure of the last run of this plan in this session, if it failed. */
    public Optional<RuntimeException> planFailure(String planName) {
        return Optional.ofNullable(planFailures.get(planName));
    }

    private PlanRunner.TableMigrator migrator(MigrationListener listener, boolean autoCutover) {
        return new PlanRunner.TableMigrator() {
            @Override
            public MigrationPlan prepare(TableName table, String alter, MigrationOptions options) {
                synchronized (Session.this) {
                    return new Preparer(primary, flavor, primarySpec.describe())
                            .prepare(table, alter, options, replicaSpec == null ? null : replicaInspector());
                }
            }

            @Override
            public TableMigration migration(MigrationPlan plan) {
                MigrationOptions options = ((io.oscar.engine.plan.Step.MigrateTable) plan.steps().get(0)).options();
                if (autoCutover) {
                    options = options.withCutover(io.oscar.engine.plan.CutoverMode.AUTO);
                }
                MigrationSetup setup = new MigrationSetup(primarySpec, replicaSpec, flavor, ArtifactNames.of(plan.table()),
                        plan.analysis(), plan.sharedKey().require(), options);
                TableMigration m = new TableMigration(plan, setup, listener, Pacer.system());
                synchronized (Session.this) {
                    migrations.put(plan.table(), m);
                }
                return m;
            }
        };
    }

    /** Every migration of this session, oldest first. */
    public synchronized List<Progress> status() {
        return migrations.values().stream().map(TableMigration::progress).toList();
    }

    /** Lets a postponed migration of {@code table} cut over when ready. */
    public void cutover(String table) {
        migration(table).requestCutover();
    }

    /** Aborts the migration of {@code table}: ghost and changelog dropped, original untouched. */
    public void abort(String table) {
        migration(table).requestAbort();
    }

    /** Pauses (or resumes) copy and apply of every running migration. */
    public void throttle(boolean on) {
        for (TableMigration m : migrations.values()) {
            if (on) {
                m.manualThrottle().pause();
            } else {
                m.manualThrottle().resume();
            }
        }
    }

    /** The knobs of running migrations (all of them): chunk size, lag, nice ratio, load thresholds. */
    public List<Tunables> tunables() {
        return migrations.values().stream().filter(m -> !m.progress().phase().finished()).map(TableMigration::tunables).toList();
    }

    /** Waits until the migration of {@code table} ends; returns its last progress. */
    public Progress await(String table, Duration timeout) {
        TableName name = tableName(table);
        TableMigration m;
        Thread t;
        synchronized (this) {
            m = migrations.get(name);
            t = threads.get(name);
        }
        if (m == null) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "no migration of " + name + " in this session");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (t != null) {
                t.join(Math.max(1, timeout.toMillis()));
            } else {
                while (!m.progress().phase().finished() && System.nanoTime() < deadline) {
                    Thread.sleep(20); // a plan's step: its thread belongs to the plan runner
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return m.progress();
    }

    /** True while any migration of this session is still running. */
    public boolean busy() {
        return migrations.values().stream().anyMatch(m -> !m.progress().phase().finished());
    }

    private TableMigration migration(String table) {
        TableName name = tableName(table);
        TableMigration m = migrations.get(name);
        if (m == null) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "no migration of " + name + " in this session; see 'status'");
        }
        return m;
    }

    /** Every foreign key on the primary (system schemas excluded): what a plan script may read. */
    public synchronized List<ForeignKey> foreignKeys() {
        return primaryInspector().allForeignKeys();
    }

    /** Schemas on the primary (system schemas excluded), for completion and {@code use}. */
    public synchronized List<String> schemas() {
        return primaryInspector().schemas();
    }

    /** Tables of a schema, for completion. */
    public synchronized List<String> tables(String schema) {
        return primaryInspector().tables(schema);
    }

    private Inspector primaryInspector() {
        return new Inspector(primary, flavor, primarySpec.describe());
    }

    private Inspector replicaInspector() {
        if (replica == null) {
            replica = new Connector().open(replicaSpec);
        }
        return new Inspector(replica, replicaFlavor, replicaSpec.describe());
    }

    @Override
    public void close() {
        for (TableMigration m : migrations.values()) {
            if (!m.progress().phase().finished()) {
                m.requestAbort();
            }
        }
        threads.values().forEach(t -> {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closeQuietly(primary);
        if (replica != null) {
            closeQuietly(replica);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to release
        }
    }
}
