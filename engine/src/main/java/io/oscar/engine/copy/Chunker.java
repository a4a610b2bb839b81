package io.oscar.engine.copy;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.CopySql;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Walks the shared unique key from its first to its last value, both read once at {@link #start()}:
 * rows inserted after that arrive through the binlog, not the copy. The chunk size is read for every
 * chunk, so {@code set chunk-size=N} applies to the next one. {@link #next()} may be called from several
 * threads (the copy lanes): one at a time, on the chunker's own connection; the bounds are readable anywhere.
 *
 * <p>Each chunk's end is found by a query that walks {@code chunkSize} keys of the index (0.6 s per 1M rows,
 * before each copy and not beside it). For a one-column integer key that is dense (the first chunk of N rows
 * spans at most 2N key values: an auto-increment id), the later chunks are key spans instead: (last, last + N],
 * with no query. A span of N values of a unique key holds at most N rows, so a chunk is never larger than the
 * chunk size; a sparse stretch only makes chunks smaller, and the time-steered chunk size grows them back.
 */
public final class Chunker {
    private final StatementRunner runner;
    private final CopyTarget target;
    private final IntSupplier chunkSize;
    private final boolean integerKey;
    private volatile List<Object> max;
    private volatile List<Object> last;
    private BigInteger min;
    private boolean spans;
    private int number;
    private volatile boolean done;

    public Chunker(StatementRunner runner, CopyTarget target, IntSupplier chunkSize) {
        this(runner, target, chunkSize, false);
    }

    /** @param integerKey the shared key is one integer column: dense stretches of it are chunked by key span */
    public Chunker(StatementRunner runner, CopyTarget target, IntSupplier chunkSize, boolean integerKey) {
        this.runner = runner;
        this.target = target;
        this.chunkSize = chunkSize;
        this.integerKey = integerKey && target.key().size() == 1;
    }

    /** Reads the key's bounds; returns false (and is done) when the table is empty. */
    public boolean start() {
        max = bound(true);
        done = max == null;
        List<Object> first = !done && integerKey ? bound(false) : null;   // null too if emptied meanwhile
        min = first == null ? null : CopyWatermark.integer(first.get(0));
        return !done;
    }

    private List<Object> bound(boolean last) {
        int n = target.key().size();
        List<List<Object>> rows = runner.query(CopySql.boundary(target.source(), target.index(), target.key(), last),
                rs -> KeyValues.read(rs, n));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Whether chunks are key spans now (see the class comment). */
    public synchronized boolean spans() {
        return spans;
    }

    /** The next chunk, or empty when the copy has reached the last key read at start. */
    public synchronized Optional<Chunk> next() {
        if (done) {
            return Optional.empty();
        }
        if (spans) {
            return Optional.of(span());
        }
        int n = target.key().size();
        List<List<Object>> end = runner.query(
                CopySql.chunkEnd(target.source(), target.index(), target.key(), last, max, chunkSize.getAsInt()),
                rs -> KeyValues.read(rs, n));
        if (end.isEmpty()) {
            done = true;
            return Optional.empty();
        }
        Chunk chunk = new Chunk(++number, last, end.get(0));
        if (last == null && min != null) {
            BigInteger first = CopyWatermark.integer(end.get(0).get(0));
            spans = first != null && first.subtract(min).add(BigInteger.ONE)
                    .compareTo(BigInteger.valueOf(2L * chunkSize.getAsInt())) <= 0;
        }
        last = end.get(0);
        if (last.equals(max)) {
            done = true;
        }
        return Optional.of(chunk);
    }

    /** (last, last + chunk size], or up to the last key read at start. */
    private Chunk span() {
        BigInteger from = CopyWatermark.integer(last.get(0));
        BigInteger end = CopyWatermark.integer(max.get(0));
        BigInteger to = from.add(BigInteger.valueOf(chunkSize.getAsInt()));
        List<Object> toKey;
        if (to.compareTo(end) >= 0) {
            toKey = max;
            done = true;
        } else {
            toKey = List.of(to.bitLength() < 64 ? (Object) to.longValue() : to);
        }
        Chunk chunk = new Chunk(++number, last, toKey);
        last = toKey;
        return chunk;
    }

    /** The key value reached so far (null before the first chunk). */
    public List<Object> lastKey() {
        return last;
    }

    /** The last key as read at start (null when the table was empty). */
    public List<Object> maxKey() {
        return max;
    }

    public boolean done() {
        return done;
    }
}
