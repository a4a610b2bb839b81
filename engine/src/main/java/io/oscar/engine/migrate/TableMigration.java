package io.oscar.engine.migrate;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.api.Phase;
import io.oscar.engine.api.Progress;
import io.oscar.engine.cutover.CutOver;
import io.oscar.engine.cutover.CutOverListener;
import io.oscar.engine.cutover.CutOverOptions;
import io.oscar.engine.cutover.CutOverResult;
import io.oscar.engine.db.Connector;
import io.oscar.engine.plan.CutoverMode;
import io.oscar.engine.plan.MigrationPlan;
import io.oscar.engine.throttle.ManualThrottle;
import io.oscar.engine.throttle.Tunables;

import java.time.Duration;
import java.time.Instant;

/**
 * One table, migrated online end to end, as one linear flow of named phases with a cancellation
 * check between them. Runs on its own thread ({@code oscar-engine-<table>}); the operator's
 * requests (cut-over, abort, throttle, knobs) arrive through the volatile fields and {@link Tunables}.
 * If anything fails before the swap, the original table is untouched: ghost and changelog are dropped.
 */
public final class TableMigration implements Runnable {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final MigrationPlan plan;
    private final MigrationSetup setup;
    private final MigrationListener listener;
    private final Pacer pacer;
    private final ProgressTracker progress;
    private final Tunables tunables;
    private final ManualThrottle manual = new ManualThrottle();
    private final String table;
    private volatile boolean abortRequested;
    private volatile boolean cutoverRequested;
    private Instant nextProgress = Instant.MIN;
    private boolean swapped;

    public TableMigration(MigrationPlan plan, MigrationSetup setup, MigrationListener listener, Pacer pacer) {
        this.plan = plan;
        this.setup = setup;
        this.listener = listener == null ? MigrationListener.NONE : listener;
        this.pacer = pacer;
        this.table = plan.table().toString();
        this.progress = new ProgressTracker(table, pacer.clock());
        this.tunables = new Tunables(setup.options());
        this.cutoverRequested = setup.options().cutover() == CutoverMode.AUTO;
        progress.estimate(plan.rowEstimate());
    }

    @Override
    public void run() {
        Resources r = new Resources(setup, tunables, manual, progress, pacer, this.listener);
        try {
            phase(Phase.PREFLIGHT, this::runPreflightChecks);
            phase(Phase.SETUP, r::createGhostAndChangelog);
            phase(Phase.STREAM, r::startStreamer);
            phase(Phase.COPY, () -> copyRows(r));
            phase(Phase.READY, () -> awaitCutoverGo(r));
            if (setup.options().verify()) {
                phase(Phase.VERIFY, () -> new Verification(r, listener, table).run());
            }
            phase(Phase.CUTOVER, () -> cutOver(r));
            phase(Phase.CLEANUP, r::dropArtifactsAfterSwap);
            reportApplier(r);
            finish(Phase.DONE, "done: " + table + " migrated"
                    + (progress.snapshot().cutoverLockMillis() == null ? ""
                    : String.format(", writes were blocked for %.1f ms at the cut-over", progress.snapshot().cutoverLockMillis())));
        } catch (Aborted e) {
            r.cleanUpAfterStop(swapped);
            finish(Phase.ABORTED, e.getMessage());
        } catch (RuntimeException e) {
            progress.failed(e.getMessage());
            r.cleanUpAfterStop(swapped);
            finish(Phase.FAILED, "failed: " + e.getMessage()
                    + (swapped ? "" : " (the original table " + table + " is untouched)"));
        } finally {
            r.close();
        }
    }

    private void phase(Phase p, Runnable body) {
        if (abortRequested) {
            throw new Aborted(table);
        }
        progress.phase(p);
        listener.phaseChanged(table, p);
        body.run();
    }

    private void reportApplier(Resources r) {
        long n = r.applier().appliedCount();
        double busy = r.applier().busy().toNanos() / 1e9;
        listener.event(table, String.format("applier: %,d binlog changes applied in %.1f s of applying (%.0f changes/s);"
                + " %,d row writes skipped because the copy had not reached the row yet", n, busy, busy > 0 ? n / busy : 0,
                r.applier().skippedCount()));
    }

    private void finish(Phase p, String message) {
        progress.phase(p);
        listener.phaseChanged(table, p);
        listener.event(table, message);
        listener.progress(progress.snapshot());
    }

    private void runPreflightChecks() {
        if (!plan.runnable()) {
            throw new OscarException(ErrorCode.PREFLIGHT_FAILED, "preflight checks failed: " + String.join("; ",
                    plan.failures().stream().map(f -> f.check() + ": " + f.message()).toList()));
        }
        cutOver(timeout -> { }, CutOverListener.NONE).checkBeforeCopy();
    }

    private CutOver cutOver(io.oscar.engine.cutover.Drain drain, CutOverListener hooks) {
        return new CutOver(setup.primary(), new Connector(), setup.flavor(), setup.names(), drain, CutOverOptions.defaults(),
                pacer, hooks, setup.analysis().before().referencedBy());
    }

    private void copyRows(Resources r) {
        r.startWriter();
        while (!(r.writer().copyDone() && r.applier().backlog() < 1000)) {
            tick(r);
        }
    }

    private void awaitCutoverGo(Resources r) {
        if (!cutoverRequested) {
            progress.awaitingCutover(true);
            listener.event(table, "ready for cut-over: the ghost is in sync; type 'cutover " + table + "' to swap");
            while (!cutoverRequested) {
                tick(r);
            }
            progress.awaitingCutover(false);
        }
    }

    private void cutOver(Resources r) {
        CutOverListener hooks = new CutOverListener() {
            @Override
            public void attemptFailed(int attempt, OscarException failure) {
                r.writer().resume();
                listener.event(table, "cut-over attempt " + attempt + " rolled back (" + failure.getMessage()
                        + "); the original table is in place and takes writes");
            }
        };
        // Catch up before locking: then the drain under the lock covers only the last milliseconds of changes
        // (with the binlog read from a replica, it would otherwise also wait out the replica's lag).
        r.drain().awaitAppliedUpToNow(Duration.ofMinutes(10));
        CutOver cutOver = cutOver(timeout -> {
            r.drain().awaitAppliedUpToNow(timeout);
            r.writer().pause(timeout);
        }, hooks);
        CutOverResult result = cutOver.run();
        swapped = true;
        r.stopAfterSwap();
        progress.cutoverLock(result.lockMillis());
        listener.event(table, String.format("cut-over done (%s, attempt %d): writes to %s were blocked for %.1f ms",
                result.method(), result.attempts(), table, result.lockMillis()));
        result.warnings().forEach(w -> listener.event(table, "cut-over warning: " + w));
    }

    /** One wait step on the engine thread: failures, abort, periodic progress. */
    private void tick(Resources r) {
        r.throwIfFailed();
        if (abortRequested) {
            throw new Aborted(table);
        }
        Instant now = pacer.clock().instant();
        if (now.isAfter(nextProgress)) {
            listener.progress(progress.snapshot());
            nextProgress = now.plus(PROGRESS_EVERY);
        }
        pacer.pause(Duration.ofMillis(20));
    }

    public Progress progress() {
        return progress.snapshot();
    }

    public String table() {
        return table;
    }

    /** Lets a postponed migration swap as soon as it is ready (gh-ost's unpostpone). */
    public void requestCutover() {
        cutoverRequested = true;
    }

    /** Stops the migration at the next check; ghost and changelog are dropped, the original untouched. */
    public void requestAbort() {
        abortRequested = true;
    }

    public ManualThrottle manualThrottle() {
        return manual;
    }

    public Tunables tunables() {
        return tunables;
    }
}
