package io.oscar.engine.migrate;

import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.apply.Applier;
import io.oscar.engine.apply.ApplyTarget;
import io.oscar.engine.binlog.BinlogStreamer;
import io.oscar.engine.copy.Chunker;
import io.oscar.engine.copy.CopyWatermark;
import io.oscar.engine.copy.CopyTarget;
import io.oscar.engine.copy.RowCopier;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.Connector;
import io.oscar.engine.db.SqlStatusSource;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.inspect.Inspector;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.TableSchema;
import io.oscar.engine.sql.ChangelogSql;
import io.oscar.engine.sql.SqlStatement;
import io.oscar.engine.throttle.CompositeThrottler;
import io.oscar.engine.throttle.CriticalLoadCheck;
import io.oscar.engine.throttle.ManualThrottle;
import io.oscar.engine.throttle.MaxLoadThrottle;
import io.oscar.engine.throttle.ReplicaLagThrottle;
import io.oscar.engine.throttle.Throttler;
import io.oscar.engine.throttle.Tunables;
import io.oscar.engine.verify.ChangedKeys;
import io.oscar.engine.verify.ChecksumTarget;
import io.oscar.engine.verify.Checksummer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a running table migration holds — connections (one per thread), the changelog and its
 * heartbeat, the streamer, the applier, the writer thread — created phase by phase and released in
 * one place. Knows the artifact tables it created and drops only those.
 */
final class Resources implements AutoCloseable {
    private static final int QUEUE_CAPACITY = 20_000;
    /** Rows the applier touched that the incremental verification keeps; past it, every row is compared. */
    private static final int CHANGED_KEYS = 200_000;

    private final MigrationSetup setup;
    private final Tunables tunables;
    private final ManualThrottle manual;
    private final ProgressTracker progress;
    private final Pacer pacer;
    private final MigrationListener listener;
    private final List<Connection> connections = new ArrayList<>();
    private StatementRunner engine;
    private StatementRunner ghostWriter;
    private Changelog heartbeat;
    private Changelog state;
    private TableSchema ghostSchema;
    private BinlogStreamer streamer;
    private Applier applier;
    private DrainBarrier drain;
    private GhostWriter writer;
    private Thread writerThread;
    private boolean createdArtifacts;
    private CachedLag lag;
    private ChildForeignKeys childKeys;
    private Chunker chunker;
    private CopyLanes lanes;
    private ChunkVerifier chunkVerifier;
    private ChangedKeys changedKeys = ChangedKeys.NONE;

    Resources(MigrationSetup setup, Tunables tunables, ManualThrottle manual, ProgressTracker progress, Pacer pacer,
              MigrationListener listener) {
        this.setup = setup;
        this.tunables = tunables;
        this.manual = manual;
        this.progress = progress;
        this.pacer = pacer;
        this.listener = listener;
    }

    private StatementRunner open(ConnectionSpec spec, String sessionSettings) {
        Connection c = new Connector().open(spec);
        connections.add(c);
        StatementRunner runner = new StatementRunner(c, spec.describe());
        if (sessionSettings != null) {
            runner.update(SqlStatement.of("session", sessionSettings));
        }
        return runner;
    }

    /**
     * Writer sessions: TIMESTAMPs arrive from the binlog in UTC; strict mode so a value that does not fit
     * fails instead of being cut; NO_AUTO_VALUE_ON_ZERO so an id 0 stays 0; no FK checks, because the
     * ghost's child keys point at live parents that are ahead of the binlog (the original enforced them).
     */
    private static final String WRITER_SESSION = "SET SESSION time_zone = '+00:00', "
            + "sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION', lock_wait_timeout = 10, "
            + "foreign_key_checks = 0";

    void createGhostAndChangelog() {
        engine = open(setup.primary(), "SET SESSION lock_wait_timeout = 10");
        var names = setup.names();
        createdArtifacts = true;
        engine.update(SqlStatement.of(names.ghost().table() + " create", "CREATE TABLE " + names.ghost().quoted()
                + " LIKE " + names.original().quoted()));
        engine.update(SqlStatement.of(names.ghost().table() + " alter", setup.analysis().alterStatementFor(names.ghost().quoted())));
        childKeys = new ChildForeignKeys(setup.analysis());
        childKeys.addToGhost(engine, names.ghost());
        ghostSchema = new Inspector(engine.connection(), setup.flavor(), engine.where()).table(names.ghost());
        state = new Changelog(engine, names.changelog(), pacer);
        state.create();
        heartbeat = new Changelog(open(setup.primary(), null), names.changelog(), pacer);
        heartbeat.startHeartbeat(Duration.ofMillis(100));
        listener.event(names.original().toString(), "created " + names.ghost().table() + " and " + names.changelog().table());
    }

    void startStreamer() {
        var names = setup.names();
        ConnectionSpec source = setup.replica() != null && setup.options().binlogFromReplica() ? setup.replica() : setup.primary();
        StatementRunner positionReader = open(source, null);
        ghostWriter = open(setup.primary(), WRITER_SESSION);
        TableSchema original = setup.analysis().before();
        var key = setup.key();
        applier = new Applier(ghostWriter, new ApplyTarget(original, names.ghost(), setup.analysis().columnMapping(),
                key.oldColumns(), key.newColumns()), pacer, QUEUE_CAPACITY);
        if (incrementalVerify()) {
            changedKeys = new ChangedKeys(CHANGED_KEYS);
            applier.onTouched(changedKeys::add);
        }
        TableSchema changelogSchema = new Inspector(engine.connection(), setup.flavor(), engine.where()).table(names.changelog());
        drain = new DrainBarrier(state, applier, changelogSchema.columnNames().indexOf("hint"),
                changelogSchema.columnNames().indexOf("value"), pacer, this::firstFailure);
        var position = BinlogStreamer.currentPosition(positionReader.connection());
        streamer = new BinlogStreamer(source).subscribe(original, applier).subscribe(changelogSchema, drain)
                .setHeartbeatInterval(Duration.ofSeconds(1));
        streamer.start(position);
        progress.sources(applier::appliedCount, applier::backlog, this::lag);
        listener.event(names.original().toString(), "reading the binlog of " + source.describe() + " from " + position);
    }

    private Long lag() {
        return lag == null ? null : lag.last();
    }

    /** The chunk verifier's catch-up: a drain, given up quietly when slow (the check then may retry). */
    private void catchUpBeforeCheck() {
        try {
            drain.awaitAppliedUpToNow(ChunkVerifier.CATCH_UP);
        } catch (OscarException slow) {
            // the replica or applier lags: compare anyway; a difference is tried again or left for the consistent point
        }
    }

    /** Whether the shared key is one integer column (the copy watermark's case). */
    private boolean integerKey() {
        var key = setup.key().oldColumns();
        return key.size() == 1 && setup.analysis().before().column(key.get(0)).map(Column::integer).orElse(false);
    }

    private boolean incrementalVerify() {
        return setup.options().verify() && !setup.options().fullVerify();
    }

    void startWriter() {
        var names = setup.names();
        CopyTarget target = copyTarget();
        chunker = new Chunker(open(setup.primary(), null), target, tunables::chunkSize, integerKey());
        chunker.start();
        CopyWatermark watermark = new CopyWatermark(chunker, integerKey());
        applier.skipWhere(watermark::ahead);
        if (incrementalVerify()) {
            StatementRunner verifyReader = reader();
            chunkVerifier = new ChunkVerifier(names.original().table(), verifyReader, new Checksummer(verifyReader,
                    ChecksumTarget.of(target, originalSchema(), ghostSchema), tunables::chunkSize), progress::throttled, pacer,
                    applier::enqueuedCount, this::catchUpBeforeCheck);
        }
        List<RowCopier> copiers = new ArrayList<>();
        for (int i = 0; i < setup.options().copyThreads(); i++) {
            copiers.add(new RowCopier(open(setup.primary(), WRITER_SESSION), target, keysTheOriginalEnforces(), pacer));
        }
        lanes = new CopyLanes(names.original().table(), chunker::next, progress::throttled, copiers, tunables, progress,
                pacer, chunkVerifier == null ? chunk -> { } : chunkVerifier::copied);
        SqlStatusSource status = new SqlStatusSource(open(setup.primary(), null).connection(), setup.primary().describe());
        List<Throttler> parts = new ArrayList<>(List.of(manual, new MaxLoadThrottle(status, tunables::maxLoad)));
        if (setup.replica() != null) {
            lag = new CachedLag(new HeartbeatLag(open(setup.replica(), null), names.changelog(), pacer));
            parts.add(new ReplicaLagThrottle(lag, tunables::maxLagMs));
        }
        writer = new GhostWriter(names.original().toString(), applier, chunker, lanes, new CompositeThrottler(parts),
                new CriticalLoadCheck(status, tunables::criticalLoad), tunables, progress, pacer, listener);
        writerThread = new Thread(writer, "oscar-writer-" + names.original().table());
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /** The ghost's unique keys whose columns (mapped back) form a unique key of the original too. */
    private java.util.Set<String> keysTheOriginalEnforces() {
        var mapping = setup.analysis().columnMapping();
        var original = setup.analysis().before();
        java.util.Set<String> out = new java.util.HashSet<>();
        out.add(setup.key().newKey().name());
        for (var k : ghostSchema.uniqueKeys()) {
            List<String> back = k.columns().stream().map(c -> mapping.oldNameOf(c).orElse(null)).toList();
            if (back.contains(null)) {
                continue;
            }
            boolean enforced = original.uniqueKeys().stream().anyMatch(o -> o.columns().size() == back.size()
                    && o.columns().stream().allMatch(c -> back.stream().anyMatch(c::equalsIgnoreCase)));
            if (enforced) {
                out.add(k.name());
            }
        }
        return out;
    }

    CopyTarget copyTarget() {
        var mapping = setup.analysis().columnMapping();
        var names = setup.names();
        return new CopyTarget(names.original(), names.ghost(), setup.key().oldKey().name(), setup.key().oldColumns(),
                mapping.oldNames(), mapping.newNames());
    }

    TableSchema originalSchema() {
        return setup.analysis().before();
    }

    TableSchema ghostSchema() {
        return ghostSchema;
    }

    /** A fresh reading connection on the primary, closed with the migration. */
    StatementRunner reader() {
        return open(setup.primary(), "SET SESSION time_zone = '+00:00', lock_wait_timeout = 10");
    }

    /** The writer's connection: only for work submitted to the writer thread. */
    StatementRunner ghostWriterRunner() {
        return ghostWriter;
    }

    /** The original's last key now (for a re-copy past the copy's end), or null when it is empty. */
    List<Object> maxKey() {
        var t = copyTarget();
        List<List<Object>> rows = ghostWriter.query(io.oscar.engine.sql.CopySql.boundary(t.source(), t.index(), t.key(), true),
                rs -> {
                    List<Object> v = new ArrayList<>();
                    for (int i = 1; i <= t.key().size(); i++) {
                        Object o = rs.getObject(i);
                        v.add(o instanceof java.time.temporal.Temporal || o instanceof java.util.Date ? rs.getString(i) : o);
                    }
                    return v;
                });
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The incremental verification's record of rows the applier touched ({@link ChangedKeys#NONE} when off). */
    ChangedKeys changedKeys() {
        return changedKeys;
    }

    /** Ends the copy-time checks and returns what they leave; null when they did not run (full verification). */
    ChunkVerifier.Outcome finishChunkVerifier() {
        if (chunkVerifier == null) {
            return null;
        }
        RuntimeException f = chunkVerifier.failure();
        if (f != null) {
            throw f;
        }
        return chunkVerifier.finish();
    }

    /** The original's last key as the copy read it at its start (null: the table was empty). */
    List<Object> copyMaxKey() {
        return chunker.maxKey();
    }

    MigrationSetup setup() {
        return setup;
    }

    GhostWriter writer() {
        return writer;
    }

    Applier applier() {
        return applier;
    }

    DrainBarrier drain() {
        return drain;
    }

    private RuntimeException firstFailure() {
        if (writer != null && writer.failure() != null) {
            return writer.failure();
        }
        if (lanes != null && lanes.failure() != null) {
            return lanes.failure();
        }
        if (chunkVerifier != null && chunkVerifier.failure() != null) {
            return chunkVerifier.failure();
        }
        if (streamer != null && streamer.failure().isPresent()) {
            return streamer.failure().get();
        }
        return heartbeat == null ? null : heartbeat.failure();
    }

    void throwIfFailed() {
        RuntimeException f = firstFailure();
        if (f != null) {
            throw f;
        }
    }

    /** After the swap, the streamer would see the new table under the old name: stop reading and writing. */
    void stopAfterSwap() {
        stopThreads();
    }

    void dropArtifactsAfterSwap() {
        var names = setup.names();
        engine.update(ChangelogSql.drop(names.changelog()));
        if (setup.options().dropOldTable()) {
            engine.update(SqlStatement.of(names.old().table() + " drop", "DROP TABLE IF EXISTS " + names.old().quoted()));
        }
        childKeys.restoreNames(engine, names.original(), names.old(), setup.options().dropOldTable());
    }

    /** After an abort or failure: stop every thread, drop what this run created (never the original). */
    void cleanUpAfterStop(boolean swapped) {
        stopThreads();
        if (!createdArtifacts || engine == null) {
            return;
        }
        var names = setup.names();
        try {
            engine.update(ChangelogSql.drop(names.changelog()));
            if (!swapped) {
                engine.update(SqlStatement.of(names.ghost().table() + " drop", "DROP TABLE IF EXISTS " + names.ghost().quoted()));
            }
        } catch (OscarException e) {
            listener.event(names.original().toString(), "could not drop " + names.ghost().table() + "/" + names.changelog().table()
                    + ": " + e.getMessage() + "; drop them by hand");
        }
    }

    private void stopThreads() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (writer != null) {
            writer.stop();
            try {
                writerThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lanes != null) {
            lanes.close();
        }
        if (chunkVerifier != null) {
            chunkVerifier.close();
        }
        if (streamer != null) {
            streamer.close();
        }
    }

    @Override
    public void close() {
        stopThreads();
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // releasing: nothing more to do
            }
        }
    }
}
