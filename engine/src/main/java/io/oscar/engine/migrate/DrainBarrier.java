package io.oscar.engine.migrate;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.apply.Applier;
import io.oscar.engine.binlog.RowChange;
import io.oscar.engine.binlog.RowChangeListener;
import io.oscar.engine.sql.ChangelogSql;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * "Everything written to {@code t} before now is in the ghost": writes a unique state sentinel to the
 * changelog, waits until the streamer delivers it, notes how many changes of {@code t} the streamer had
 * handed to the applier by then (it delivers in binlog order), and waits until the applier has applied
 * that many. Listens to the changelog table's row events on the streamer's thread.
 */
final class DrainBarrier implements RowChangeListener {
    private final Changelog changelog;
    private final Applier applier;
    private final int hintIndex;
    private final int valueIndex;
    private final Pacer pacer;
    private final Supplier<RuntimeException> failures;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    /**
     * @param failures returns the first failure of the streamer or writer, or null: waiting stops on one
     */
    DrainBarrier(Changelog changelog, Applier applier, int hintIndex, int valueIndex, Pacer pacer,
                 Supplier<RuntimeException> failures) {
        this.changelog = changelog;
        this.applier = applier;
        this.hintIndex = hintIndex;
        this.valueIndex = valueIndex;
        this.pacer = pacer;
        this.failures = failures;
    }

    @Override
    public void onChange(RowChange change) {
        Object[] row = change.after();
        if (row != null && ChangelogSql.STATE.equals(String.valueOf(row[hintIndex]))) {
            seen.put(String.valueOf(row[valueIndex]), applier.enqueuedCount());
        }
    }

    /** Blocks until every change to the original made before this call is applied to the ghost. */
    void awaitAppliedUpToNow(Duration timeout) {
        String token = "drain " + UUID.randomUUID();
        changelog.writeState(token);
        Instant deadline = pacer.clock().instant().plus(timeout);
        Long target;
        while ((target = seen.get(token)) == null || applier.appliedCount() < target) {
            RuntimeException failure = failures.get();
            if (failure != null) {
                throw failure;
            }
            if (pacer.clock().instant().isAfter(deadline)) {
                throw new OscarException(ErrorCode.CUTOVER_FAILED, "the applier did not catch up within " + timeout
                        + (target == null ? " (the sentinel has not come through the binlog yet)"
                        : " (" + (target - applier.appliedCount()) + " changes still to apply)"));
            }
            pacer.pause(Duration.ofMillis(2));
        }
        seen.remove(token);
    }
}
