package io.oscar.engine.throttle;

import io.oscar.engine.plan.MigrationOptions;

import java.util.Map;

/**
 * The knobs an operator may turn while a migration runs ({@code set chunk-size=N} ...), in one place.
 * Setters clamp to safe ranges and return the value actually set; readers on other threads see
 * changes at once.
 */
public final class Tunables {
    private volatile int chunkSize;
    private volatile long maxLagMs;
    private volatile double niceRatio;
    private volatile Map<String, Long> maxLoad;
    private volatile Map<String, Long> criticalLoad;
    private volatile long chunkTimeMs;

    public Tunables(MigrationOptions options) {
        this.chunkSize = options.chunkSize();
        this.maxLagMs = options.maxLagMs();
        this.niceRatio = options.niceRatio();
        this.maxLoad = options.maxLoad();
        this.criticalLoad = options.criticalLoad();
        this.chunkTimeMs = options.chunkTimeMs();
    }

    public int chunkSize() {
        return chunkSize;
    }

    /** Sets a fixed chunk size: the operator's choice ends the time-steered sizing. */
    public int setChunkSize(int n) {
        chunkTimeMs = 0;
        chunkSize = clampChunk(n);
        return chunkSize;
    }

    /** The time a chunk should take when the size is steered, 0 when the size is fixed. */
    public long chunkTimeMs() {
        return chunkTimeMs;
    }

    /**
     * After a chunk: steers the size toward {@code chunkTimeMs} (at most halving or doubling at a time, so
     * one slow or fast chunk does not swing it). Does nothing when the size is fixed.
     */
    public void chunkTook(long nanos) {
        long target = chunkTimeMs;
        if (target <= 0 || nanos <= 0) {
            return;
        }
        double factor = Math.max(0.5, Math.min(2.0, target * 1_000_000.0 / nanos));
        chunkSize = clampChunk((int) Math.round(chunkSize * factor));
    }

    private static int clampChunk(int n) {
        return Math.max(MigrationOptions.MIN_CHUNK, Math.min(MigrationOptions.MAX_CHUNK, n));
    }

    public long maxLagMs() {
        return maxLagMs;
    }

    public long setMaxLagMs(long ms) {
        maxLagMs = Math.max(100, Math.min(3_600_000, ms));
        return maxLagMs;
    }

    public double niceRatio() {
        return niceRatio;
    }

    public double setNiceRatio(double r) {
        niceRatio = Math.max(0, Math.min(100, r));
        return niceRatio;
    }

    public Map<String, Long> maxLoad() {
        return maxLoad;
    }

    public void setMaxLoad(Map<String, Long> thresholds) {
        maxLoad = Map.copyOf(thresholds);
    }

    public Map<String, Long> criticalLoad() {
        return criticalLoad;
    }

    public void setCriticalLoad(Map<String, Long> thresholds) {
        criticalLoad = Map.copyOf(thresholds);
    }
}
