package io.oscar.engine.migrate;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.copy.Chunk;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.CopySql;
import io.oscar.engine.sql.SnapshotSql;
import io.oscar.engine.sql.SqlStatement;
import io.oscar.engine.verify.ChangedKeys;
import io.oscar.engine.verify.ChecksumTarget;
import io.oscar.engine.verify.Checksummer;
import io.oscar.engine.verify.Mismatch;
import io.oscar.engine.verify.VerifyResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Verifies the ghost against the original at a consistent point taken while writes go on (Spirit's way):
 * writes to the original are held for a moment ({@code LOCK TABLES t READ}) while the applier catches up,
 * two connections open a {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} each, and the lock goes; both
 * then read the same state of both tables, the original on one and the ghost on the other at the same time.
 *
 * <p>What is compared there: by default (incremental) only what the copy-time checks ({@link ChunkVerifier})
 * left — the chunks that did not match, every row the applier touched ({@link ChangedKeys}) and the rows beyond
 * the copy's last key. That is every row: the chunks tile the key range up to the copy's last key, each matched
 * in a snapshot, and after that snapshot a row of the original changes only through the binlog, whose changes
 * the applier records as it applies them, while the ghost changes only by the applier. With {@code fullVerify},
 * or when the applier touched too many rows to keep: every row, chunk by chunk (this also catches a change to
 * the ghost that did not come from oscar). Whole-table row counts are not taken in the incremental mode: two
 * COUNT(*)s of 1M rows in a snapshot took 1.6 s, more than the rest of the final comparison, and told nothing
 * the chunks and the changed rows had not.
 *
 * <p>A difference at the consistent point is real: the range or rows are re-copied by the writer and compared
 * again with writes briefly blocked; if they still differ the migration stops, naming them.
 */
final class Verification {
    /** Rows per checksum: reads only, so larger than copy chunks (fewer round trips). */
    private static final int VERIFY_CHUNK = 10_000;
    private static final Duration DRAIN = Duration.ofMinutes(10);
    /** The longest writes are held while the applier catches up for a consistent point. */
    private static final Duration HELD_DRAIN = Duration.ofSeconds(1);
    private static final int HOLD_ATTEMPTS = 10;

    private final Resources r;
    private final MigrationListener listener;
    private final String table;

    Verification(Resources r, MigrationListener listener, String table) {
        this.r = r;
        this.listener = listener;
        this.table = table;
    }

    void run() {
        ChunkVerifier.Outcome early = r.finishChunkVerifier();
        ChangedKeys touched = r.changedKeys();
        StatementRunner originalSide = snapshotReader();
        StatementRunner ghostSide = snapshotReader();
        double heldMs = openSnapshots(originalSide, ghostSide);
        List<Mismatch> mismatches;
        String what;
        try (Checksummer sums = new Checksummer(originalSide, ghostSide, target(), this::verifyChunk)) {
            boolean full = early == null || touched.overflowed();
            if (full) {
                VerifyResult all = sums.verify();
                mismatches = all.mismatches();
                what = all.chunks() + " chunks, " + all.originalRows() + " rows compared at the consistent point";
            } else {
                mismatches = new ArrayList<>();
                for (Chunk c : early.unsettled()) {
                    mismatches.addAll(sums.compareRange(c.from(), c.to()));
                }
                List<Object[]> keys = touched.keys();
                mismatches.addAll(sums.compareKeys(keys));
                mismatches.addAll(sums.compareRange(r.copyMaxKey(), null));
                what = early.verifiedChunks() + " chunks matched when copied; at the consistent point "
                        + early.unsettled().size() + " chunks, " + keys.size() + " changed rows and the rows past the copy's end";
            }
        } finally {
            endSnapshot(originalSide);
            endSnapshot(ghostSide);
        }
        int fixed = repair(mismatches);
        listener.event(table, String.format("verified: %s; writes held %.1f ms for the snapshot%s", what, heldMs,
                fixed == 0 ? "" : " (" + fixed + " range(s) re-copied)"));
    }

    private ChecksumTarget target() {
        return ChecksumTarget.of(r.copyTarget(), r.originalSchema(), r.ghostSchema());
    }

    private int verifyChunk() {
        return Math.max(VERIFY_CHUNK, r.setup().options().chunkSize());
    }

    private StatementRunner snapshotReader() {
        StatementRunner s = r.reader();
        s.update(SnapshotSql.repeatableRead(table));
        return s;
    }

    /** Holds writes to the original while the applier catches up and both snapshots open; returns the ms held. */
    private double openSnapshots(StatementRunner a, StatementRunner b) {
        return withWritesHeld(() -> {
            a.update(SnapshotSql.begin(table));
            b.update(SnapshotSql.begin(table));
            return null;
        }).heldMs();
    }

    private record Held<T>(T value, double heldMs) {
    }

    /**
     * Runs {@code body} with writes to the original held ({@code LOCK TABLES t READ}) and the applier caught up
     * to that moment. The hold is bounded: when the applier cannot catch up within {@link #HELD_DRAIN} (the
     * replica lags, say) the lock is let go at once, writes go on, and it is tried again after catching up
     * unheld, up to {@link #HOLD_ATTEMPTS} times. Writes are never held for longer than one bounded drain.
     */
    private <T> Held<T> withWritesHeld(java.util.function.Supplier<T> body) {
        for (int attempt = 1; ; attempt++) {
            r.drain().awaitAppliedUpToNow(DRAIN);
            StatementRunner locker = r.reader();
            long t0 = System.nanoTime();
            try {
                locker.update(SqlStatement.of(table + " verify lock", "LOCK TABLES " + r.setup().names().original().quoted() + " READ"));
                try {
                    r.drain().awaitAppliedUpToNow(HELD_DRAIN);
                } catch (OscarException slow) {
                    if (attempt >= HOLD_ATTEMPTS) {
                        throw new OscarException(ErrorCode.VERIFY_FAILED, "verification: the applier did not catch up within "
                                + HELD_DRAIN.toMillis() + " ms with writes to " + table + " held, " + attempt + " times (is the"
                                + " replica lagging?); nothing was swapped. Run again when the replica keeps up, or with --no-verify", slow);
                    }
                    listener.event(table, "verification: the applier needed more than " + HELD_DRAIN.toMillis()
                            + " ms to catch up with writes held; writes released, trying again (" + attempt + "/" + HOLD_ATTEMPTS + ")");
                    continue;
                }
                T value = body.get();
                return new Held<>(value, (System.nanoTime() - t0) / 1e6);
            } finally {
                locker.update(SqlStatement.of(table + " verify unlock", "UNLOCK TABLES"));
                close(locker);
            }
        }
    }

    private void endSnapshot(StatementRunner s) {
        try {
            s.update(SnapshotSql.end(table));
        } finally {
            close(s);
        }
    }

    /** Re-copies each real difference and checks it again with writes held; returns how many were re-copied. */
    private int repair(List<Mismatch> mismatches) {
        if (mismatches.isEmpty()) {
            return 0;
        }
        try (Checksummer sums = new Checksummer(r.reader(), target(), this::verifyChunk)) {
            for (Mismatch m : mismatches) {
                recopy(m);
                if (!lockedMatch(sums, m)) {
                    throw new OscarException(ErrorCode.DATA_LOSS, "verification: " + table + " and its ghost still differ in "
                            + m.describe() + " after re-copying it; nothing was swapped");
                }
            }
        }
        return mismatches.size();
    }

    /** Blocks writes to the original for one comparison, with the applier caught up. */
    private boolean lockedMatch(Checksummer sums, Mismatch m) {
        return withWritesHeld(() -> (m.byKeys() ? sums.compareKeys(m.keys()) : sums.compareRange(m.from(), m.to())).isEmpty())
                .value();
    }

    private static void close(StatementRunner s) {
        Connection c = s.connection();
        try {
            c.close();
        } catch (SQLException ignored) {
            // a lock or snapshot goes with the connection
        }
    }

    /** Deletes the range (or rows) in the ghost and copies them again, on the writer thread. */
    private void recopy(Mismatch m) {
        var t = r.copyTarget();
        var ghostKey = r.setup().key().newColumns();
        listener.event(table, "verification: re-copying " + m.describe());
        try {
            r.writer().submit(() -> {
                StatementRunner w = r.ghostWriterRunner();
                if (m.byKeys()) {
                    w.update(CopySql.deleteKeys(t.ghost(), ghostKey, m.keys()));
                    w.update(CopySql.copyKeys(t.source(), t.ghost(), t.index(), t.key(), t.sourceColumns(), t.ghostColumns(), m.keys()));
                    return null;
                }
                w.update(CopySql.deleteRange(t.ghost(), ghostKey, m.from(), m.to()));
                List<Object> to = m.to() == null ? r.maxKey() : m.to();
                if (to != null) {
                    w.update(CopySql.copyChunk(t.source(), t.ghost(), t.index(), t.key(), t.sourceColumns(), t.ghostColumns(),
                            m.from(), to));
                }
                return null;
            }).get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OscarException(ErrorCode.ABORTED, "interrupted while re-copying " + m.describe(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OscarException(ErrorCode.SQL_FAILED, "re-copying " + m.describe() + " failed: " + e.getMessage(), e);
        }
    }
}
