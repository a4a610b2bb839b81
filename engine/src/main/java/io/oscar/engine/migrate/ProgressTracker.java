package io.oscar.engine.migrate;

import io.oscar.engine.api.Phase;
import io.oscar.engine.api.Progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The one owner of a migration's mutable progress. Writers update counters from their threads;
 * everyone else reads {@link #snapshot()}. Rates are measured between snapshots.
 */
public final class ProgressTracker {
    private final String table;
    private final Clock clock;
    private final Instant started;
    private volatile Phase phase = Phase.PENDING;
    private volatile long rowsCopied;
    private volatile long rowsEstimated;
    private volatile long chunks;
    private volatile String throttledBy;
    private volatile Double cutoverLockMillis;
    private volatile boolean awaitingCutover;
    private volatile String failure;
    private volatile LongSupplier applied = () -> 0;
    private volatile IntSupplier backlog = () -> 0;
    private volatile java.util.function.Supplier<Long> lag = () -> null;
    private Instant lastAt;
    private long lastRows;
    private long lastApplied;
    private double copyRate;
    private double applyRate;

    public ProgressTracker(String table, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.started = clock.instant();
        this.lastAt = started;
    }

    public void phase(Phase p) {
        phase = p;
    }

    public Phase phase() {
        return phase;
    }

    public void estimate(long rows) {
        rowsEstimated = rows;
    }

    public synchronized void copied(int rows) {
        rowsCopied += rows;
        chunks++;
    }

    public void throttled(String reason) {
        throttledBy = reason;
    }

    /** Whether the copy is held by a throttle now. */
    public boolean throttled() {
        return throttledBy != null;
    }

    public void awaitingCutover(boolean waiting) {
        awaitingCutover = waiting;
    }

    public void cutoverLock(double millis) {
        cutoverLockMillis = millis;
    }

    public void failed(String cause) {
        failure = cause;
    }

    /** Where the applied count, the backlog and the lag come from once the applier exists. */
    public void sources(LongSupplier appliedCount, IntSupplier backlogSize, java.util.function.Supplier<Long> lagMillis) {
        applied = appliedCount;
        backlog = backlogSize;
        lag = lagMillis;
    }

    public synchronized Progress snapshot() {
        Instant now = clock.instant();
        long rows = rowsCopied;
        long events = applied.getAsLong();
        double secs = Duration.between(lastAt, now).toMillis() / 1000.0;
        if (secs >= 1.0) {
            copyRate = (rows - lastRows) / secs;
            applyRate = (events - lastApplied) / secs;
            lastAt = now;
            lastRows = rows;
            lastApplied = events;
        }
        Long eta = copyRate > 0 && rowsEstimated > rows && phase == Phase.COPY
                ? (long) ((rowsEstimated - rows) / copyRate) : null;
        return new Progress(table, phase, rows, rowsEstimated, chunks, events, backlog.getAsInt(), lag.get(), throttledBy,
                copyRate, applyRate, Duration.between(started, now), eta, cutoverLockMillis, awaitingCutover, failure, started);
    }
}
