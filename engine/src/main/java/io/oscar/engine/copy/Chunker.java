package io.oscar.engine.copy;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.CopySql;

import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Walks the shared unique key from its first to its last value, both read once at {@link #start()}:
 * rows inserted after that arrive through the binlog, not the copy. The chunk size is read for every
 * chunk, so {@code set chunk-size=N} applies to the next one. {@link #next()} may be called from several
 * threads (the copy lanes): one at a time, on the chunker's own connection; the bounds are readable anywhere.
 */
public final class Chunker {
    private final StatementRunner runner;
    private final CopyTarget target;
    private final IntSupplier chunkSize;
    private volatile List<Object> max;
    private volatile List<Object> last;
    private int number;
    private volatile boolean done;

    public Chunker(StatementRunner runner, CopyTarget target, IntSupplier chunkSize) {
        this.runner = runner;
        this.target = target;
        this.chunkSize = chunkSize;
    }

    /** Reads the key's bounds; returns false (and is done) when the table is empty. */
    public boolean start() {
        int n = target.key().size();
        List<List<Object>> rows = runner.query(CopySql.boundary(target.source(), target.index(), target.key(), true),
                rs -> KeyValues.read(rs, n));
        done = rows.isEmpty();
        max = done ? null : rows.get(0);
        return !done;
    }

    /** The next chunk, or empty when the copy has reached the last key read at start. */
    public synchronized Optional<Chunk> next() {
        if (done) {
            return Optional.empty();
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
        last = end.get(0);
        if (last.equals(max)) {
            done = true;
        }
        return Optional.of(chunk);
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
