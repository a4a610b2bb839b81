package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.CutOverSql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The swap for MySQL 8.0.13+, which allows RENAME TABLE under LOCK TABLES: one connection takes
 * {@code LOCK TABLES t WRITE, _t_gho WRITE}, waits for the drain, renames and unlocks. No sentry and no
 * second connection; writers queued on {@code t} proceed on the new table. The ghost is write-locked
 * during the drain, so the drain must not need another connection to write it. Not exercised by the
 * MariaDB test servers of this project.
 */
final class LockedRenameSwap implements Swap {
    private final Sessions sessions;
    private final ArtifactNames names;
    private final Drain drain;
    private final CutOverOptions options;
    private final CutOverListener listener;

    LockedRenameSwap(Sessions sessions, ArtifactNames names, Drain drain, CutOverOptions options, CutOverListener listener) {
        this.sessions = sessions;
        this.names = names;
        this.drain = drain;
        this.options = options;
        this.listener = listener;
    }

    @Override
    public String method() {
        return "locked-rename";
    }

    @Override
    public Outcome attempt(int attempt) {
        String tag = names.original().table();
        StatementRunner locker = null;
        String stage = "opening the locker connection";
        boolean renamed = false;
        long lockedAt = 0;
        try {
            locker = sessions.open("cut-over locker");
            stage = "locking " + tag;
            locker.update(CutOverSql.lockWaitTimeout(options.lockWaitTimeout()));
            locker.update(CutOverSql.lockWrite(tag, List.of(names.original(), names.ghost())));
            lockedAt = System.nanoTime();
            listener.locked(attempt);
            stage = "draining the binlog into " + names.ghost().table();
            drain.awaitAppliedUpToNow(options.drainTimeout());
            stage = "renaming";
            locker.update(CutOverSql.swap(names.original(), names.old(), names.ghost()));
            renamed = true;
            stage = "unlocking";
            locker.update(CutOverSql.unlock(tag));
            return new Outcome(Duration.ofNanos(System.nanoTime() - lockedAt), List.of());
        } catch (RuntimeException e) {
            if (renamed) {
                // closing the connection below releases the lock; the swap itself is done
                List<String> warnings = new ArrayList<>();
                warnings.add("UNLOCK TABLES failed after the RENAME (" + e.getMessage() + "); closed the connection instead");
                return new Outcome(Duration.ofNanos(System.nanoTime() - lockedAt), warnings);
            }
            throw new OscarException(ErrorCode.CUTOVER_FAILED, "cut-over of " + names.original() + " (attempt " + attempt
                    + ") failed while " + stage + ": " + e.getMessage() + "; " + names.original()
                    + " is unchanged and takes writes, the ghost " + names.ghost().table() + " is kept", e);
        } finally {
            Sessions.closeQuietly(locker);
        }
    }
}
