package io.oscar.engine.migrate;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.ChangelogSql;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The changelog table {@code _t_ghc}: a heartbeat written every interval from oscar's clock (replica lag
 * is then measured without comparing server clocks) and state sentinels for the cut-over. The
 * heartbeat runs on its own connection and thread ({@code oscar-heartbeat}); a failure there is kept
 * and surfaced by {@link #failure()}, never swallowed.
 */
public final class Changelog implements AutoCloseable {
    private final StatementRunner runner;
    private final TableName table;
    private final Pacer pacer;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private ScheduledExecutorService heartbeat;
    private ScheduledFuture<?> beat;

    public Changelog(StatementRunner runner, TableName table, Pacer pacer) {
        this.runner = runner;
        this.table = table;
        this.pacer = pacer;
    }

    public void create() {
        runner.update(ChangelogSql.drop(table));
        runner.update(ChangelogSql.create(table));
    }

    public void drop() {
        runner.update(ChangelogSql.drop(table));
    }

    /** Writes one heartbeat now. */
    public synchronized void writeHeartbeat() {
        runner.update(ChangelogSql.write(table, ChangelogSql.HEARTBEAT, pacer.clock().instant().toString()));
    }

    /** Synchronized with the heartbeat: the verifier's and the engine's drains write on the same connection. */
    public synchronized void writeState(String value) {
        runner.update(ChangelogSql.write(table, ChangelogSql.STATE, value));
    }

    /** Starts writing a heartbeat every {@code interval} until {@link #close()}. */
    public synchronized void startHeartbeat(Duration interval) {
        if (heartbeat != null) {
            return;
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oscar-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beat = heartbeat.scheduleAtFixedRate(this::beatOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beatOnce() {
        try {
            writeHeartbeat();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            beat.cancel(false);
        }
    }

    /** The heartbeat's failure, if it stopped because of one. */
    public RuntimeException failure() {
        return failure.get();
    }

    /** Parses a heartbeat value written by {@link #writeHeartbeat()}. */
    public static Instant parseHeartbeat(String value) {
        return Instant.parse(value);
    }

    @Override
    public synchronized void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
    }
}
