package io.oscar.engine.migrate;

import io.oscar.engine.copy.Chunk;
import io.oscar.engine.copy.RowCopier;
import io.oscar.engine.throttle.Tunables;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Copies chunks on several connections at once ({@code oscar-copy-<table>-N}), fed by the writer. Safe beside
 * the applier and beside each other: each chunk reads its rows with a shared lock ({@link RowCopier}), so a
 * row is copied in a committed state whose later changes all come after it in the binlog, and the applier's
 * REPLACE of a newer state wins whenever it lands; lanes never share a key range. Each lane copies, counts,
 * steers the chunk size and, with a nice ratio, rests; a failure stops every lane and is kept for the writer.
 */
final class CopyLanes implements AutoCloseable {
    private final BlockingQueue<Chunk> chunks;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Tunables tunables;
    private final ProgressTracker progress;
    private final Pacer pacer;
    private final Consumer<Chunk> copied;
    private final List<Thread> threads;
    private volatile boolean closed;

    /**
     * @param copiers one per lane, each on its own connection
     * @param copied  called on the lane's thread after a chunk committed (the verifier's feed)
     */
    CopyLanes(String table, List<RowCopier> copiers, Tunables tunables, ProgressTracker progress, Pacer pacer,
              Consumer<Chunk> copied) {
        this.chunks = new ArrayBlockingQueue<>(copiers.size());
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

    /** Whether another chunk can be handed over now (a lane is free). */
    boolean hasRoom() {
        return failure.get() == null && busy.get() < threads.size();
    }

    /** Hands a chunk to a free lane; call only when {@link #hasRoom()}. */
    void submit(Chunk chunk) {
        busy.incrementAndGet();
        if (!chunks.offer(chunk)) {
            busy.decrementAndGet();
            throw new IllegalStateException("no free copy lane for chunk " + chunk.number());
        }
    }

    /** No chunk queued or being copied. */
    boolean idle() {
        return busy.get() == 0;
    }

    RuntimeException failure() {
        return failure.get();
    }

    private void lane(RowCopier copier) {
        try {
            while (!closed) {
                Chunk chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    continue;
                }
                try {
                    copy(copier, chunk);
                } finally {
                    busy.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
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
