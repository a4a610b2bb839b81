package io.oscar.engine.verify;

import io.oscar.engine.copy.Chunk;
import io.oscar.engine.copy.Chunker;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.ChecksumSql;
import io.oscar.engine.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Compares the original and the ghost chunk by chunk. The ranges are the copy's chunks over the original's
 * key ({@link Chunker}: the first one open at the start), then one more range beyond the original's last
 * key, so a row only the ghost has is caught wherever it sits. Both sides of a range are read with the same
 * key bounds on the same connection, one after the other.
 *
 * <p>Must not run while the ghost or the original change: the caller provides the consistent point (see
 * the package documentation). Single-threaded; reads only.
 */
public final class Checksummer {
    private final StatementRunner runner;
    private final ChecksumTarget target;
    private final IntSupplier chunkSize;

    public Checksummer(StatementRunner runner, ChecksumTarget target, IntSupplier chunkSize) {
        this.runner = runner;
        this.target = target;
        this.chunkSize = chunkSize;
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

    private Comparison compare(List<Object> from, List<Object> to) {
        var copy = target.copy();
        Sums original = sums(ChecksumSql.checksum(copy.source(), copy.index(), copy.key(), target.originalColumns(), from, to));
        Sums ghost = sums(ChecksumSql.checksum(copy.ghost(), target.ghostIndex(), target.ghostKey(), target.ghostColumns(), from, to));
        return new Comparison(from, to, original, ghost);
    }

    private Sums sums(SqlStatement statement) {
        return runner.query(statement, rs -> new Sums(rs.getLong(1), rs.getLong(2))).get(0);
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
