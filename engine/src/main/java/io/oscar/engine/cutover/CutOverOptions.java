package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.time.Duration;

/**
 * Knobs of a cut-over. {@link #defaults()} suits an OLTP primary; every {@code with...} returns a copy.
 *
 * @param lockWaitTimeout how long the locker waits for {@code LOCK TABLES} (a long transaction on
 *                        {@code t} makes it give up and retry rather than block everyone behind it)
 * @param drainTimeout    how long the applier may take to catch up while writes are blocked
 * @param queueTimeout    how long the locker waits to see the RENAME queued behind its lock
 * @param renameTimeout   the renamer's {@code lock_wait_timeout}, and how long it may take after the unlock
 * @param attempts        attempts before giving up (at least 1)
 * @param backoff         pause after the first failed attempt; doubled after each further one
 * @param pollInterval    how often the lock queue is probed while writes are blocked
 * @param probe           how the queued RENAME is detected
 * @param renameUnderLock on MySQL 8.0.13+, swap with RENAME under {@code LOCK TABLES t WRITE, _t_gho WRITE}
 *                        instead of the sentry. Off by default: the ghost is then write-locked during the
 *                        drain, so only a drain that applies through no other connection can finish
 *                        (an applier on its own connection blocks until the drain times out)
 */
public record CutOverOptions(Duration lockWaitTimeout, Duration drainTimeout, Duration queueTimeout, Duration renameTimeout,
                             int attempts, Duration backoff, Duration pollInterval, ProbeMode probe, boolean renameUnderLock) {

    /** How the locker sees that the RENAME is queued. */
    public enum ProbeMode {
        /** performance_schema.metadata_locks when the MDL instrument is on, else the processlist. */
        AUTO,
        /** performance_schema.metadata_locks: exact, names the table the RENAME waits for. */
        METADATA_LOCKS,
        /**
         * information_schema.PROCESSLIST state: cannot name the table, so only allowed when {@code t}
         * sorts before its sentry {@code _t_del} (the RENAME's first wait is then on {@code t}).
         */
        PROCESSLIST
    }

    public CutOverOptions {
        if (attempts < 1) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cut-over attempts must be at least 1, got " + attempts);
        }
        requirePositive("lock wait timeout", lockWaitTimeout);
        requirePositive("drain timeout", drainTimeout);
        requirePositive("queue timeout", queueTimeout);
        requirePositive("rename timeout", renameTimeout);
        requirePositive("poll interval", pollInterval);
        if (backoff == null || backoff.isNegative()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cut-over backoff must not be negative");
        }
        if (probe == null) {
            probe = ProbeMode.AUTO;
        }
    }

    public static CutOverOptions defaults() {
        return new CutOverOptions(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(10),
                5, Duration.ofSeconds(1), Duration.ofMillis(1), ProbeMode.AUTO, false);
    }

    public CutOverOptions withLockWaitTimeout(Duration d) {
        return new CutOverOptions(d, drainTimeout, queueTimeout, renameTimeout, attempts, backoff, pollInterval, probe, renameUnderLock);
    }

    public CutOverOptions withDrainTimeout(Duration d) {
        return new CutOverOptions(lockWaitTimeout, d, queueTimeout, renameTimeout, attempts, backoff, pollInterval, probe, renameUnderLock);
    }

    public CutOverOptions withQueueTimeout(Duration d) {
        return new CutOverOptions(lockWaitTimeout, drainTimeout, d, renameTimeout, attempts, backoff, pollInterval, probe, renameUnderLock);
    }

    public CutOverOptions withRenameTimeout(Duration d) {
        return new CutOverOptions(lockWaitTimeout, drainTimeout, queueTimeout, d, attempts, backoff, pollInterval, probe, renameUnderLock);
    }

    public CutOverOptions withAttempts(int n, Duration firstBackoff) {
        return new CutOverOptions(lockWaitTimeout, drainTimeout, queueTimeout, renameTimeout, n, firstBackoff, pollInterval, probe, renameUnderLock);
    }

    public CutOverOptions withProbe(ProbeMode mode) {
        return new CutOverOptions(lockWaitTimeout, drainTimeout, queueTimeout, renameTimeout, attempts, backoff, pollInterval, mode, renameUnderLock);
    }

    public CutOverOptions withRenameUnderLock(boolean on) {
        return new CutOverOptions(lockWaitTimeout, drainTimeout, queueTimeout, renameTimeout, attempts, backoff, pollInterval, probe, on);
    }

    /** The pause after failed attempt {@code n} (1-based): backoff, 2 x backoff, 4 x ... capped at 30 s. */
    public Duration backoffAfter(int n) {
        long factor = 1L << Math.min(n - 1, 10);
        Duration d = backoff.multipliedBy(factor);
        return d.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : d;
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cut-over " + what + " must be positive, got " + d);
        }
    }
}
