package io.oscar.engine.migrate;

import io.oscar.engine.copy.Chunk;
import io.oscar.engine.copy.RowCopier;
import io.oscar.engine.throttle.Tunables;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Copies chunks on several connections at once ({@code oscar-copy-<table>-N}), each lane taking the next
 * chunk from the chunker itself while the throttle gate is open: a writer blocked on a row lock (its
 * REPLACE waiting for a lane's chunk to commit) must not leave the other lanes idle. Safe beside
 * the applier and beside each other: each chunk reads its rows with a shared lock ({@link RowCopier}), so a
 * row is copied in a committed state whose later changes all come after it in the binlog, and the applier's
 * REPLACE of a newer state wins whenever it lands; lanes never share a key range. Each lane copies, counts,
 * steers the chunk size and, with a nice ratio, rests; a failure stops every lane and is kept for the writer.
 */
final class CopyLanes implements AutoCloseable {
    private final Supplier<Optional<Chunk>> chunks;
    private final BooleanSupplier gateClosed;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Tunables tunables;
    private final ProgressTracker progress;
    private final Pacer pacer;
    private final Consumer<Chunk> copied;
    private final List<Thread> threads;
    private volatile boolean closed;

    /**
     * @param chunks     the next chunk, empty when the copy has handed out its last; called by one lane at a time
     * @param gateClosed whether the throttle holds the copy now
     * @param copiers    one per lane, each on its own connection
     * @param copied     called on the lane's thread after a chunk committed (the verifier's feed)
     */
    CopyLanes(String table, Supplier<Optional<Chunk>> chunks, BooleanSupplier gateClosed, List<RowCopier> copiers,
              Tunables tunables, ProgressTracker progress, Pacer pacer, Consumer<Chunk> copied) {
        this.chunks = chunks;
        this.gateClosed = gateClosed;
        this.tunables = tunables;
        this.progress = progress;
        this.pacer = pacer;
        this.copied = copied;
        this.threads = new java.util.ArrayList<>();
        for (int i = 0; i < copiers.size(); i++) {
            RowCopier copier = copiers.get(i);
            Thread t = new Thread(() -> lane(copier), "oscar-copy-" + table + "-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** No chunk being copied. */
    boolean idle() {
        return busy.get() == 0;
    }

    RuntimeException failure() {
        return failure.get();
    }

    private void lane(RowCopier copier) {
        try {
            while (!closed && failure.get() == null) {
                Optional<Chunk> chunk = gateClosed.getAsBoolean() ? Optional.empty() : take();
                if (chunk.isEmpty()) {
                    pacer.pause(Duration.ofMillis(20));
                    continue;
                }
                try {
                    copy(copier, chunk.get());
                } finally {
                    busy.decrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** The next chunk, counted busy before anyone can see the chunker moved on (so idle() is never early). */
    private synchronized Optional<Chunk> take() {
        busy.incrementAndGet();
        Optional<Chunk> next = chunks.get();
        if (next.isEmpty()) {
            busy.decrementAndGet();
        }
        return next;
    }

    private void copy(RowCopier copier, Chunk chunk) {
        long t0 = System.nanoTime();
        progress.copied(copier.copy(chunk));
        long took = System.nanoTime() - t0;
        tunables.chunkTook(took);
        copied.accept(chunk);
        double nice = tunables.niceRatio();
        if (nice > 0) {
            pacer.pause(Duration.ofNanos((long) (took * nice)));
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
