package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.cutover.CutOverOptions.ProbeMode;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.migrate.Pacer;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.CutOverSql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The sentry swap of a table that other tables reference, when the ALTER leaves the referenced columns
 * alone (docs/RESEARCH-fk-cutover.md, 6.1):
 * <ol>
 *   <li>the locker takes {@code LOCK TABLES t WRITE, <each child> WRITE, _t_del WRITE}; the drain;</li>
 *   <li>the locker re-points each child's key at {@code _t_gho} (drop + add, foreign_key_checks=0), so
 *       the RENAME carries it to the new {@code t}; the only moment a child has no key, it is locked;</li>
 *   <li>relays queue on each child ({@code LOCK TABLES c WRITE}) and on {@code t} ({@code FLUSH TABLES t
 *       WITH READ LOCK}), then the RENAME queues; the locker drops the sentry, waits for the RENAME's
 *       EXCLUSIVE on {@code t} and unlocks. The RENAME gets {@code t}, the relays get the children ahead of
 *       the application, so no transaction can write a child and then wait on {@code t} while the RENAME
 *       needs InnoDB locks on that child (the undetected deadlock, F4);</li>
 *   <li>once the RENAME is done the relays unlock.</li>
 * </ol>
 * Failure (the guardian): the RENAME is killed if still queued; the keys are pointed back at {@code t} by
 * the locker if it still holds the tables, else by each child's relay while the parent relay holds
 * {@code t}; then everything unlocks and the sentry goes. The children end as they started.
 */
final class ParentSwap implements Swap {

    private final Sessions sessions;
    private final ArtifactNames names;
    private final List<ForeignKey> referencedBy;
    private final Drain drain;
    private final CutOverOptions options;
    private final Pacer pacer;
    private final CutOverListener listener;

    ParentSwap(Sessions sessions, ArtifactNames names, List<ForeignKey> referencedBy, Drain drain, CutOverOptions options,
               Pacer pacer, CutOverListener listener) {
        this.sessions = sessions;
        this.names = names;
        this.referencedBy = List.copyOf(referencedBy);
        this.drain = drain;
        this.options = options;
        this.pacer = pacer;
        this.listener = listener;
    }

    @Override
    public String method() {
        return "sentry+fk-relays";
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
        private final RepointedKeys keys = new RepointedKeys(referencedBy, names.original(), names.ghost());
        private StatementRunner controller;
        private StatementRunner locker;
        private AsyncRename renamer;
        private RenameQueueProbe probe;
        private Relays relays;
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
                openSessions();
                lockAndDrain();
                stage = "re-pointing the children's foreign keys at " + names.ghost().table();
                keys.toGhost(locker);
                queueRelaysAndRename();
                Duration lockTime = releaseToRename();
                awaitRename();
                stage = "releasing the relays";
                relays.releaseAll(options.queueTimeout(), controller, warnings);
                return new Outcome(lockTime, warnings);
            } catch (RuntimeException e) {
                return rollBack(e);
            }
        }

        /** Every session and probe is ready before anything is locked. */
        private void openSessions() {
            controller = sessions.open("cut-over controller");
            locker = sessions.open("cut-over locker");
            locker.update(CutOverSql.lockWaitTimeout(options.lockWaitTimeout()));
            locker.update(CutOverSql.foreignKeyChecks(false));
            renamer = AsyncRename.prepare(sessions.open("cut-over renamer"), options.renameTimeout());
            probe = QueueProbes.create(ProbeMode.METADATA_LOCKS, controller, renamer.connectionId());
            probe.waitingAny();
            relays = Relays.prepare(sessions, controller, keys.children(), names.original(), options.renameTimeout());
        }

        private void lockAndDrain() {
            stage = "creating the sentry " + names.old().table();
            controller.update(CutOverSql.createSentry(names.old()));
            sentryCreated = true;
            stage = "locking " + tag + " and its children " + keys.children();
            List<TableName> tables = new ArrayList<>();
            tables.add(names.original());
            keys.children().stream().filter(c -> !c.equals(names.original())).forEach(tables::add);
            tables.add(names.old());
            locker.update(CutOverSql.lockWrite(tag, tables));
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

        /** Relays first, then the RENAME (RESEARCH 6.0: every relay is queued before the RENAME is issued). */
        private void queueRelaysAndRename() {
            stage = "queueing the relays";
            relays.issue(tag);
            awaitQueued("the relays to wait behind the lock", () -> {
                relays.endedEarly().ifPresent(r -> {
                    throw new OscarException(ErrorCode.CUTOVER_FAILED, "the relay on " + r.table() + " ended early"
                            + r.failure().map(e -> ": " + e.getMessage()).orElse(""));
                });
                return relays.allPending();
            });
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

        /** The guardian: undoes the attempt; returns an outcome only when the RENAME completed anyway. */
        private Outcome rollBack(RuntimeException cause) {
            String failedStage = stage;
            stopRenamer();
            if (issued && renamer.succeeded()) {
                // the keys pointed at the ghost, which is t now: the swap is complete
                releaseRelays();
                warnings.add("attempt " + n + ": " + failedStage + " failed (" + cause.getMessage()
                        + "), but the RENAME completed: the tables are swapped");
                return new Outcome(Duration.ofNanos(System.nanoTime() - lockedAt), warnings);
            }
            boolean restored = !keys.anyMoved();
            if (locked && !unlocked) {
                restored = restored || restore("the locker", () -> keys.restoreAll(locker));
                unlockQuietly();
            }
            if (!restored) {
                restored = restoreThroughRelays();
            }
            releaseRelays();
            if (!restored) {
                restoreFromController();
            }
            if (sentryCreated && !sentryDropped) {
                dropSentryIfOurs();
            }
            throw new OscarException(ErrorCode.CUTOVER_FAILED, "cut-over of " + names.original() + " (attempt " + n
                    + ") failed while " + failedStage + ": " + cause.getMessage() + "; " + names.original()
                    + " is unchanged and takes writes, its children's foreign keys reference it, the ghost "
                    + names.ghost().table() + " is kept" + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings)), cause);
        }

        /** The locker is gone: its locks went with it, so the relays hold the children and {@code t}. */
        private boolean restoreThroughRelays() {
            if (relays == null || !relays.parent().issued()) {
                return false;
            }
            relays.parent().await(options.queueTimeout());
            if (!relays.parent().holds()) {
                warnings.add("the relay on " + tag + " does not hold it: deletes on " + tag
                        + " may not have reached the children while their keys were re-pointed");
            }
            boolean all = true;
            for (TableName child : keys.children()) {
                Relay relay = relays.child(child);
                relay.await(options.queueTimeout());
                all &= relay.holds() && restore("the relay on " + child.table(), () -> keys.restoreChild(relay.runner(), child));
            }
            return all;
        }

        /** Last resort, with no lock held: the keys must not stay on the ghost. */
        private void restoreFromController() {
            if (!restore("the controller", () -> keys.restoreAll(controller))) {
                warnings.add("the children's foreign keys still reference " + names.ghost().table() + "; run: " + keys.manualFix());
            }
        }

        private boolean restore(String who, Runnable body) {
            try {
                body.run();
                return true;
            } catch (RuntimeException e) {
                warnings.add(who + " could not point the foreign keys back at " + tag + ": " + e.getMessage());
                return false;
            }
        }

        private void releaseRelays() {
            if (relays != null) {
                relays.releaseAll(options.queueTimeout(), controller, warnings);
            }
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
            if (relays != null) {
                relays.close();
            }
            if (renamer != null) {
                renamer.close();
            }
            Sessions.closeQuietly(locker);
            Sessions.closeQuietly(controller);
        }
    }
}
