package io.oscar.engine.verify;

import io.oscar.engine.copy.Chunk;
import io.oscar.engine.copy.Chunker;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.ChecksumSql;
import io.oscar.engine.sql.SqlStatement;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * Compares the original and the ghost chunk by chunk. The ranges are the copy's chunks over the original's
 * key ({@link Chunker}: the first one open at the start), then one more range beyond the original's last
 * key, so a row only the ghost has is caught wherever it sits. Both sides of a range are read with the same
 * key bounds on the same connection, one after the other.
 *
 * <p>Must not run while the ghost or the original change: the caller provides the consistent point (see
 * the package documentation). With two connections (each in a snapshot taken at the same consistent point)
 * the two sides of each comparison are read at the same time; one caller thread; reads only.
 */
public final class Checksummer implements AutoCloseable {
    /** Keys per statement when comparing rows by key. */
    static final int KEYS_PER_STATEMENT = 500;

    private final StatementRunner runner;
    private final StatementRunner ghostRunner;
    private final ChecksumTarget target;
    private final IntSupplier chunkSize;
    private final ExecutorService ghostSide;

    /** Both sides read one after the other on one connection. */
    public Checksummer(StatementRunner runner, ChecksumTarget target, IntSupplier chunkSize) {
        this(runner, runner, target, chunkSize);
    }

    /** The original read on {@code runner}, the ghost at the same time on {@code ghostRunner}. */
    public Checksummer(StatementRunner runner, StatementRunner ghostRunner, ChecksumTarget target, IntSupplier chunkSize) {
        this.runner = runner;
        this.ghostRunner = ghostRunner;
        this.target = target;
        this.chunkSize = chunkSize;
        this.ghostSide = runner == ghostRunner ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oscar-checksum-ghost");
            t.setDaemon(true);
            return t;
        });
    }

    /** Compares the whole key range; the mismatching ranges come back in key order. */
    public VerifyResult verify() {
        Chunker chunker = new Chunker(runner, target.copy(), chunkSize);
        Tally tally = new Tally();
        if (chunker.start()) {
            Optional<Chunk> chunk;
            while ((chunk = chunker.next()).isPresent()) {
                tally.add(compare(chunk.get().from(), chunk.get().to()));
            }
        }
        // beyond the original's last key (the whole key when the original is empty): rows only the ghost has
        tally.add(compare(chunker.maxKey(), null));
        return new VerifyResult(tally.chunks, tally.originalRows, tally.ghostRows, tally.mismatches);
    }

    /**
     * Compares one range {@code (from, to]} ({@code from} null: from the start; {@code to} null: to the end),
     * e.g. a {@link Mismatch}'s after re-copying it. Empty when both sides match, else the one mismatch.
     */
    public List<Mismatch> compareRange(List<Object> from, List<Object> to) {
        Comparison c = compare(from, to);
        return c.matches() ? List.of() : List.of(c.mismatch());
    }

    /**
     * Compares the rows with these shared-key values (as the ghost's key columns hold them), in batches;
     * the batches that differ come back, each as a {@link Mismatch} naming its keys.
     */
    public List<Mismatch> compareKeys(List<Object[]> keys) {
        var copy = target.copy();
        List<Mismatch> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += KEYS_PER_STATEMENT) {
            List<Object[]> batch = keys.subList(i, Math.min(keys.size(), i + KEYS_PER_STATEMENT));
            Sums[] both = both(ChecksumSql.checksumKeys(copy.source(), copy.index(), copy.key(), target.originalColumns(), batch),
                    ChecksumSql.checksumKeys(copy.ghost(), target.ghostIndex(), target.ghostKey(), target.ghostColumns(), batch));
            if (!both[0].equals(both[1])) {
                out.add(Mismatch.ofKeys(batch, both[0].rows(), both[1].rows(), both[0].checksum(), both[1].checksum()));
            }
        }
        return out;
    }

    private Comparison compare(List<Object> from, List<Object> to) {
        var copy = target.copy();
        Sums[] both = both(ChecksumSql.checksum(copy.source(), copy.index(), copy.key(), target.originalColumns(), from, to),
                ChecksumSql.checksum(copy.ghost(), target.ghostIndex(), target.ghostKey(), target.ghostColumns(), from, to));
        return new Comparison(from, to, both[0], both[1]);
    }

    /** The original's sums on this thread and the ghost's on the other connection meanwhile (or after, with one). */
    private Sums[] both(SqlStatement original, SqlStatement ghost) {
        if (ghostSide == null) {
            return new Sums[]{sums(runner, original), sums(ghostRunner, ghost)};
        }
        Future<Sums> g = ghostSide.submit(() -> sums(ghostRunner, ghost));
        Sums o = sums(runner, original);
        try {
            return new Sums[]{o, g.get()};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OscarException(ErrorCode.ABORTED, "interrupted while checksumming " + target.copy().ghost(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re
                    : new OscarException(ErrorCode.SQL_FAILED, "checksumming " + target.copy().ghost() + ": " + e.getCause(), e);
        }
    }

    private static Sums sums(StatementRunner on, SqlStatement statement) {
        return on.query(statement, rs -> new Sums(rs.getLong(1), rs.getMetaData().getColumnCount() > 1 ? rs.getLong(2) : 0)).get(0);
    }

    /** Stops the ghost side's thread, if any. */
    @Override
    public void close() {
        if (ghostSide != null) {
            ghostSide.shutdownNow();
        }
    }

    /** One side's row count and BIT_XOR of the rows' CRC32s (0 for no rows). */
    private record Sums(long rows, long checksum) {
    }

    private record Comparison(List<Object> from, List<Object> to, Sums original, Sums ghost) {
        boolean matches() {
            return original.equals(ghost);
        }

        Mismatch mismatch() {
            return new Mismatch(from, to, original.rows(), ghost.rows(), original.checksum(), ghost.checksum());
        }
    }

    /** Running totals of one verify pass. */
    private static final class Tally {
        int chunks;
        long originalRows;
        long ghostRows;
        final List<Mismatch> mismatches = new ArrayList<>();

        void add(Comparison c) {
            chunks++;
            originalRows += c.original().rows();
            ghostRows += c.ghost().rows();
            if (!c.matches()) {
                mismatches.add(c.mismatch());
            }
        }
    }
}
