package io.oscar.engine.migrate;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.CopySql;
import io.oscar.engine.verify.ChecksumTarget;
import io.oscar.engine.verify.Checksummer;
import io.oscar.engine.verify.Mismatch;
import io.oscar.engine.verify.VerifyResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Verifies the ghost against the original while writes go on: a full chunked checksum first; a chunk
 * that differs is compared again after the applier has caught up (live writes cause passing
 * differences); one that still differs is compared with writes to the original briefly blocked
 * ({@code LOCK TABLES t READ}) and the applier caught up — a consistent point. A real difference is
 * re-copied by the writer and checked again the same way; if it persists the migration stops, naming
 * the key range.
 */
final class Verification {
    private static final int RETRIES = 3;
    /** Rows per checksum: reads only, so larger than copy chunks (fewer round trips). */
    private static final int VERIFY_CHUNK = 10_000;
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final Resources r;
    private final Pacer pacer;
    private final MigrationListener listener;
    private final String table;

    Verification(Resources r, Pacer pacer, MigrationListener listener, String table) {
        this.r = r;
        this.pacer = pacer;
        this.listener = listener;
        this.table = table;
    }

    void run() {
        StatementRunner reader = r.reader();
        Checksummer sums = new Checksummer(reader, ChecksumTarget.of(r.copyTarget(), r.originalSchema(), r.ghostSchema()),
                () -> Math.max(VERIFY_CHUNK, r.setup().options().chunkSize()));
        VerifyResult result = sums.verify();
        int fixed = 0;
        for (Mismatch m : result.mismatches()) {
            if (!settles(sums, m) && !lockedMatch(reader, sums, m)) {
                recopy(m);
                fixed++;
                if (!lockedMatch(reader, sums, m)) {
                    throw new OscarException(ErrorCode.DATA_LOSS, "verification: " + table + " and its ghost still differ in "
                            + m.describe() + " after re-copying it; nothing was swapped");
                }
            }
        }
        listener.event(table, "verified: " + result.chunks() + " chunks, " + result.originalRows() + " rows match"
                + (fixed == 0 ? "" : " (" + fixed + " range(s) re-copied)"));
    }

    /** Compares again after the applier caught up, a few times: passing differences settle. */
    private boolean settles(Checksummer sums, Mismatch m) {
        for (int i = 0; i < RETRIES; i++) {
            r.drain().awaitAppliedUpToNow(DRAIN);
            if (sums.compareRange(m.from(), m.to()).isEmpty()) {
                return true;
            }
            pacer.pause(Duration.ofMillis(50L << i));
        }
        return false;
    }

    /** Blocks writes to the original for one range's comparison, with the applier caught up. */
    private boolean lockedMatch(StatementRunner reader, Checksummer sums, Mismatch m) {
        StatementRunner locker = r.reader();
        Connection c = locker.connection();
        try {
            locker.update(io.oscar.engine.sql.SqlStatement.of(table + " verify lock",
                    "LOCK TABLES " + r.setup().names().original().quoted() + " READ"));
            try {
                r.drain().awaitAppliedUpToNow(DRAIN);
                return sums.compareRange(m.from(), m.to()).isEmpty();
            } finally {
                locker.update(io.oscar.engine.sql.SqlStatement.of(table + " verify unlock", "UNLOCK TABLES"));
            }
        } finally {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the lock goes with the connection
            }
        }
    }

    /** Deletes the range in the ghost and copies it again, on the writer thread (the one writer). */
    private void recopy(Mismatch m) {
        var t = r.copyTarget();
        var ghostKey = r.setup().key().newColumns();
        listener.event(table, "verification: re-copying " + m.describe());
        try {
            r.writer().submit(() -> {
                StatementRunner w = r.ghostWriterRunner();
                w.update(CopySql.deleteRange(t.ghost(), ghostKey, m.from(), m.to()));
                List<Object> to = m.to();
                if (to == null) {
                    to = r.maxKey();
                }
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
