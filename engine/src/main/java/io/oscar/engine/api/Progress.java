package io.oscar.engine.api;

import java.time.Duration;
import java.time.Instant;

/**
 * An immutable snapshot of one migration, for {@code status}, the progress line and JSON.
 *
 * @param rowsEstimated  the server's row estimate at the start
 * @param lagMillis      replica lag from the heartbeat, null when unknown or without a replica
 * @param throttledBy    why copy and apply are paused now, null when they are not
 * @param etaSeconds     estimated seconds until the copy ends, null when unknown
 * @param cutoverLockMillis how long writes were blocked at the cut-over, null before it
 * @param failure        the cause, when FAILED
 */
public record Progress(String table, Phase phase, long rowsCopied, long rowsEstimated, long chunksCopied,
                       long eventsApplied, int backlog, Long lagMillis, String throttledBy, double copyRowsPerSecond,
                       double applyEventsPerSecond, Duration elapsed, Long etaSeconds, Double cutoverLockMillis,
                       boolean awaitingCutover, String failure, Instant startedAt) {

    /** Copy progress in percent, capped at 100 (the estimate is rough). */
    public double percent() {
        if (rowsEstimated <= 0) {
            return phase.ordinal() > Phase.COPY.ordinal() ? 100 : 0;
        }
        return Math.min(100.0, 100.0 * rowsCopied / rowsEstimated);
    }
}
