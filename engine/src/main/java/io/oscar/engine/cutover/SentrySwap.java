package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.cutover.CutOverOptions.ProbeMode;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.migrate.Pacer;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.CutOverSql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * gh-ost's two-connection cut-over, for servers that refuse RENAME under LOCK TABLES (MariaDB):
 * <ol>
 *   <li>the controller creates the sentry {@code _t_del};</li>
 *   <li>the locker takes {@code LOCK TABLES t WRITE, _t_del WRITE}: writes to {@code t} block;</li>
 *   <li>the drain: every change made before the lock reaches the ghost;</li>
 *   <li>the renamer issues {@code RENAME TABLE t TO _t_del, _t_gho TO t}, which queues behind the lock;</li>
 *   <li>once the RENAME waits, the locker drops the sentry, waits until the RENAME's EXCLUSIVE request
 *       on {@code t} is pending (it takes its locks in name order: for a lower-case {@code t} it first
 *       waits on {@code _t_del}) and unlocks. The RENAME is then granted before the writers queued on
 *       {@code t}, which proceed on the new table.</li>
 * </ol>
 * Unlocking before the RENAME's request on {@code t} is pending would let queued writers into the old
 * table after the drain: lost writes. Before the unlock, any failure kills the RENAME, unlocks and drops
 * the sentry. If the locker's connection dies with the sentry still there, the RENAME fails (1050):
 * {@code t} is never missing.
 */
final class SentrySwap implements Swap {

    private final Sessions sessions;
    private final ArtifactNames names;
    private final Drain drain;
    private final CutOverOptions options;
    private final Pacer pacer;
    private final CutOverListener listener;
    private final ProbeMode probeMode;

    SentrySwap(Sessions sessions, ArtifactNames names, Drain drain, CutOverOptions options, Pacer pacer,
               CutOverListener listener, ProbeMode probeMode) {
        this.sessions = sessions;
        this.names = names;
        this.drain = drain;
        this.options = options;
        this.pacer = pacer;
        this.listener = listener;
        this.probeMode = probeMode;
    }

    @Override
    public String method() {
        return "sentry";
    }

    @Override
    public Outcome attempt(int attempt) {
        Attempt a = new Attempt(attempt);
        try {
            return a.run();
        } finally {
            a.close();
        }
    }

    /** The state of one attempt: what has been done, so a failure undoes exactly that. */
    private final class Attempt {
        private final int n;
        private final String tag = names.original().table();
        private final List<String> warnings = new ArrayList<>();
        private StatementRunner controller;
        private StatementRunner locker;
        private AsyncRename renamer;
        private RenameQueueProbe probe;
        private String stage = "opening connections";
        private long lockedAt;
        private boolean sentryCreated;
        private boolean locked;
        private boolean sentryDropped;
        private boolean unlocked;
        private boolean issued;

        Attempt(int n) {
            this.n = n;
        }

        Outcome run() {
            try {
                lockAndDrain();
                queueRename();
                Duration lockTime = releaseToRename();
                awaitRename();
                return new Outcome(lockTime, warnings);
            } catch (RuntimeException e) {
                return rollBack(e);
            }
        }

        private void lockAndDrain() {
            controller = sessions.open("cut-over controller");
            locker = sessions.open("cut-over locker");
            renamer = AsyncRename.prepare(sessions.open("cut-over renamer"), options.renameTimeout());
            probe = QueueProbes.create(probeMode, controller, renamer.connectionId());
            probe.waitingAny(); // resolves the renamer's thread id now, not while writes are blocked
            stage = "creating the sentry " + names.old().table();
            controller.update(CutOverSql.createSentry(names.old()));
            sentryCreated = true;
            stage = "locking " + tag;
            locker.update(CutOverSql.lockWaitTimeout(options.lockWaitTimeout()));
            locker.update(CutOverSql.lockWrite(tag, List.of(names.original(), names.old())));
            lockedAt = System.nanoTime();
            locked = true;
            listener.locked(n);
            stage = "draining the binlog into " + names.ghost().table();
            try {
                drain.awaitAppliedUpToNow(options.drainTimeout());
            } catch (RuntimeException e) {
                throw new OscarException(ErrorCode.CUTOVER_FAILED, "the applier did not catch up within "
                        + options.drainTimeout().toMillis() + " ms (" + e.getMessage() + ")", e);
            }
        }

        private void queueRename() {
            stage = "queueing the RENAME";
            renamer.issue(CutOverSql.swap(names.original(), names.old(), names.ghost()));
            issued = true;
            awaitQueued("the RENAME to wait behind the lock", probe::waitingAny);
            listener.renameQueued(n, renamer.connectionId());
        }

        private Duration releaseToRename() {
            stage = "dropping the sentry";
            locker.update(CutOverSql.dropSentry(names.old()));
            sentryDropped = true;
            stage = "waiting for the RENAME to queue on " + tag;
            awaitQueued("the RENAME's exclusive lock request on " + tag, () -> probe.waitingExclusiveOn(names.original()));
            stage = "unlocking";
            locker.update(CutOverSql.unlock(tag));
            unlocked = true;
            return Duration.ofNanos(System.nanoTime() - lockedAt);
        }

        private void awaitRename() {
            stage = "renaming";
            RenameWaits.awaitRename(renamer, options);
        }

        private void awaitQueued(String what, BooleanSupplier condition) {
            RenameWaits.awaitQueued(what, condition, renamer, issued, options, pacer);
        }

        /** Undoes the attempt; returns an outcome only when the RENAME completed anyway (the locker died late). */
        private Outcome rollBack(RuntimeException cause) {
            String failedStage = stage;
            stopRenamer();
            if (locked && !unlocked) {
                unlockQuietly();
            }
            if (issued && renamer.succeeded()) {
                warnings.add("attempt " + n + ": " + failedStage + " failed (" + cause.getMessage()
                        + "), but the RENAME completed: the tables are swapped");
                return new Outcome(Duration.ofNanos(System.nanoTime() - lockedAt), warnings);
            }
            if (sentryCreated && !sentryDropped) {
                dropSentryIfOurs();
            }
            throw new OscarException(ErrorCode.CUTOVER_FAILED, "cut-over of " + names.original() + " (attempt " + n
                    + ") failed while " + failedStage + ": " + cause.getMessage() + "; " + names.original()
                    + " is unchanged and takes writes, the ghost " + names.ghost().table() + " is kept"
                    + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings)), cause);
        }

        private void stopRenamer() {
            SwapCleanup.stopRenamer(renamer, issued, controller, names, warnings);
        }

        private void unlockQuietly() {
            SwapCleanup.unlockQuietly(locker, tag, warnings);
        }

        private void dropSentryIfOurs() {
            SwapCleanup.dropSentryIfOurs(renamer, issued, controller, names, warnings);
        }

        void close() {
            if (renamer != null) {
                renamer.close();
            }
            Sessions.closeQuietly(locker);
            Sessions.closeQuietly(controller);
        }
    }
}
