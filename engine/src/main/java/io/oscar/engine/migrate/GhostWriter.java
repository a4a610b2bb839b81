package io.oscar.engine.migrate;

import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.apply.Applier;
import io.oscar.engine.copy.Chunk;
import io.oscar.engine.copy.Chunker;
import io.oscar.engine.throttle.CriticalLoadCheck;
import io.oscar.engine.throttle.Throttler;
import io.oscar.engine.throttle.Tunables;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The applier's thread on the ghost table ({@code oscar-writer}): binlog changes in batches, behind the
 * throttle gate it keeps (the copy lanes, {@link CopyLanes}, read the same gate and take their own chunks);
 * nothing else writes the ghost but the lanes. Other work on the ghost (a verification
 * re-copy) is submitted here. A failure here or in a lane stops the loop and is kept.
 */
final class GhostWriter implements Runnable {
    private static final int APPLY_BATCH = 1000;
    /**
     * While the copy runs, changes are gathered for up to this long (or until {@link #GATHER_CHANGES} are
     * queued) and applied as one transaction: under 500 writes/s, one commit per change doubled the server's
     * commits (and fsyncs) and slowed the copy. Once the copy is done, every change is applied at once, so a
     * drain (verification, cut-over) never waits for a gathering.
     */
    static final Duration GATHER = Duration.ofMillis(50);
    static final int GATHER_CHANGES = 200;
    private static final Duration THROTTLE_CHECK = Duration.ofMillis(100);
    private static final Duration CRITICAL_CHECK = Duration.ofSeconds(1);

    private final String table;
    private final Applier applier;
    private final Chunker chunker;
    private final CopyLanes lanes;
    private final Throttler throttler;
    private final CriticalLoadCheck critical;
    private final Tunables tunables;
    private final ProgressTracker progress;
    private final Pacer pacer;
    private final MigrationListener listener;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stop;
    private volatile boolean copyDone;
    private volatile boolean pauseRequested;
    private volatile boolean paused;
    private Instant nextThrottleCheck = Instant.MIN;
    private Instant gatherUntil = Instant.MIN;
    private Instant nextCriticalCheck = Instant.MIN;
    private Optional<String> throttled = Optional.empty();

    GhostWriter(String table, Applier applier, Chunker chunker, CopyLanes lanes, Throttler throttler,
                CriticalLoadCheck critical, Tunables tunables, ProgressTracker progress, Pacer pacer, MigrationListener listener) {
        this.table = table;
        this.applier = applier;
        this.chunker = chunker;
        this.lanes = lanes;
        this.throttler = throttler;
        this.critical = critical;
        this.tunables = tunables;
        this.progress = progress;
        this.pacer = pacer;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            while (!stop && !Thread.currentThread().isInterrupted()) {
                step();
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void step() throws InterruptedException {
        if (pauseRequested) {
            paused = lanes.idle();
            pacer.pause(Duration.ofMillis(1));
            return;
        }
        paused = false;
        runTasks();
        if (gateClosed()) {
            pacer.pause(THROTTLE_CHECK);
            return;
        }
        if (gathering()) {
            checkLanes();
            pacer.pause(Duration.ofMillis(5));
            return;
        }
        if (applier.applyBatch(APPLY_BATCH) > 0) {
            gatherUntil = pacer.clock().instant().plus(GATHER);
            return;
        }
        checkLanes();
        if (applier.awaitChange(Duration.ofMillis(copyDone ? 50 : 5))) {
            gatherUntil = pacer.clock().instant().plus(GATHER);
        }
    }

    /** Whether to let changes gather before the next batch: only while the copy runs (see {@link #GATHER}). */
    private boolean gathering() {
        return !copyDone && applier.backlog() > 0 && applier.backlog() < GATHER_CHANGES
                && pacer.clock().instant().isBefore(gatherUntil);
    }

    /** Marks the copy done once the last chunk is handed out and copied; rethrows a lane's failure. */
    private void checkLanes() {
        RuntimeException failed = lanes.failure();
        if (failed != null) {
            throw failed;
        }
        if (!copyDone && chunker.done() && lanes.idle()) {
            copyDone = true;
            listener.event(table, "row copy complete: " + progress.snapshot().rowsCopied() + " rows");
        }
    }

    /** Checks the throttle at most every 100 ms and critical load every second; reports changes. */
    private boolean gateClosed() {
        Instant now = pacer.clock().instant();
        if (now.isAfter(nextCriticalCheck)) {
            critical.check();
            nextCriticalCheck = now.plus(CRITICAL_CHECK);
        }
        if (now.isAfter(nextThrottleCheck)) {
            Optional<String> reason = throttler.throttleReason();
            if (!reason.equals(throttled)) {
                listener.event(table, reason.map(r -> "throttled: " + r).orElse("throttle released"));
            }
            throttled = reason;
            progress.throttled(reason.orElse(null));
            nextThrottleCheck = now.plus(THROTTLE_CHECK);
        }
        return throttled.isPresent();
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /** Runs {@code work} on the writer thread between batches. */
    <T> Future<T> submit(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Stops applying and copying (after the current batch) and returns once the loop has paused. */
    void pause(Duration timeout) {
        pauseRequested = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!paused && failure.get() == null && System.nanoTime() < deadline) {
            pacer.pause(Duration.ofMillis(1));
        }
        if (!paused) {
            throw new io.oscar.engine.api.OscarException(io.oscar.engine.api.ErrorCode.CUTOVER_FAILED,
                    "the writer did not pause within " + timeout);
        }
    }

    void resume() {
        pauseRequested = false;
    }

    boolean copyDone() {
        return copyDone;
    }

    RuntimeException failure() {
        return failure.get();
    }

    void stop() {
        stop = true;
    }
}
