package io.oscar.engine.migrate;

import io.oscar.engine.copy.Chunk;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.SnapshotSql;
import io.oscar.engine.verify.Checksummer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Compares each chunk with the original soon after it was copied ({@code oscar-verify-<table>}), while
 * the copy goes on, so the verification at the consistent point has only what changed since to compare.
 * Each comparison reads both tables in one {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}: the two
 * sides are of one moment, and a chunk differs then only through a change the applier has not applied
 * yet, or a fault. A differing chunk is tried again after a while (the applier catches up meanwhile); one
 * that still differs is left "unsettled" for the consistent point. A match is final for the rows the
 * applier does not touch afterwards, and those it does touch are recorded apart ({@code ChangedKeys}).
 *
 * <p>While the table takes writes, each comparison first lets the applier catch up to that moment (a drain:
 * a sentinel through the binlog, up to {@link #CATCH_UP}), so only changes made in the few milliseconds since
 * can make the sides differ. Without it, under 500 writes/s most chunks differed at first by the applier's
 * lag alone and were read again and again.
 *
 * <p>Reads only; waits while the writer is throttled, so it adds no load the throttle holds back. Its
 * queue is bounded: a chunk that finds it full is left for the consistent point instead of waiting.
 */
final class ChunkVerifier implements AutoCloseable {
    private static final int QUEUE = 10_000;
    private static final int TRIES = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration CATCH_UP = Duration.ofSeconds(2);

    private final String table;
    private final StatementRunner runner;
    private final Checksummer sums;
    private final BooleanSupplier throttled;
    private final Pacer pacer;
    private final LongSupplier changesSeen;
    private final Runnable catchUp;
    private long changesAtLastCheck = -1;
    private final BlockingQueue<Chunk> copied = new LinkedBlockingQueue<>(QUEUE);
    private final Deque<Retry> retries = new ArrayDeque<>();
    private final List<Chunk> unsettled = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stop;
    private long verifiedChunks;

    private record Retry(Chunk chunk, int tries, long notBeforeNanos) {
    }

    /** What the copy-time checks leave for the consistent point. */
    record Outcome(long verifiedChunks, List<Chunk> unsettled) {
    }

    /**
     * @param changesSeen changes of the original the streamer has handed over so far: when it moved since the
     *                    last check, the table takes writes and {@code catchUp} runs before the next one
     * @param catchUp     waits until the applier has applied every change made before the call (or gives up)
     */
    ChunkVerifier(String table, StatementRunner runner, Checksummer sums, BooleanSupplier throttled, Pacer pacer,
                  LongSupplier changesSeen, Runnable catchUp) {
        this.changesSeen = changesSeen;
        this.catchUp = catchUp;
        this.runner = runner;
        this.sums = sums;
        this.throttled = throttled;
        this.pacer = pacer;
        this.table = table;
        runner.update(SnapshotSql.repeatableRead(table));
        this.thread = new Thread(this::run, "oscar-verify-" + table);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** A chunk has been copied (called on a copy lane's thread; never blocks). */
    void copied(Chunk chunk) {
        if (!copied.offer(chunk)) {
            synchronized (unsettled) {
                unsettled.add(chunk);
            }
        }
    }

    RuntimeException failure() {
        return failure.get();
    }

    /**
     * Stops the checks (the copy is complete) and returns what they leave: every chunk not yet compared,
     * or compared without a match, is unsettled.
     */
    Outcome finish() {
        close();
        List<Chunk> left;
        synchronized (unsettled) {
            left = new ArrayList<>(unsettled);
        }
        retries.forEach(r -> left.add(r.chunk()));
        copied.drainTo(left);
        return new Outcome(verifiedChunks, left);
    }

    private void run() {
        try {
            while (!stop) {
                if (throttled.getAsBoolean()) {
                    pacer.pause(Duration.ofMillis(100));
                    continue;
                }
                Retry due = retries.peekFirst();
                if (due != null && System.nanoTime() >= due.notBeforeNanos()) {
                    retries.pollFirst();
                    check(due.chunk(), due.tries());
                    continue;
                }
                Chunk next = copied.poll(50, TimeUnit.MILLISECONDS);
                if (next != null) {
                    check(next, 0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void check(Chunk chunk, int triedBefore) {
        long seen = changesSeen.getAsLong();
        if (seen != changesAtLastCheck) {
            catchUp.run();
        }
        changesAtLastCheck = seen;
        boolean matches;
        runner.update(SnapshotSql.begin(table));
        try {
            matches = sums.compareRange(chunk.from(), chunk.to()).isEmpty();
        } finally {
            runner.update(SnapshotSql.end(table));
        }
        if (matches) {
            verifiedChunks++;
        } else if (triedBefore + 1 < TRIES) {
            retries.addLast(new Retry(chunk, triedBefore + 1, System.nanoTime() + RETRY_AFTER.toNanos()));
        } else {
            synchronized (unsettled) {
                unsettled.add(chunk);
            }
        }
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
