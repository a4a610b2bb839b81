package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.CutOverSql;
import io.oscar.engine.sql.SqlStatement;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The roll-back moves both swaps share: stop a queued RENAME, unlock, drop our sentry. Each one never
 * throws; what goes wrong is added to the attempt's warnings, so the roll-back always runs to its end.
 */
final class SwapCleanup {
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private SwapCleanup() {
    }

    /** KILL QUERY from the controller; KILL CONNECTION if the RENAME does not end. Waits until it has. */
    static void stopRenamer(AsyncRename renamer, boolean issued, StatementRunner controller, ArtifactNames names,
                            List<String> warnings) {
        if (!issued || renamer.isDone()) {
            return;
        }
        killQuietly(controller, CutOverSql.killQuery(renamer.connectionId()), warnings);
        if (!renamer.await(KILL_WAIT)) {
            killQuietly(controller, CutOverSql.killConnection(renamer.connectionId()), warnings);
            if (!renamer.await(KILL_WAIT)) {
                warnings.add("the RENAME on connection " + renamer.connectionId() + " did not stop after KILL;"
                        + " the sentry " + names.old().table() + " is left in place so it cannot swap");
            }
        }
    }

    private static void killQuietly(StatementRunner controller, SqlStatement kill, List<String> warnings) {
        try {
            controller.update(kill);
        } catch (RuntimeException e) {
            warnings.add("could not kill the RENAME: " + e.getMessage());
        }
    }

    static void unlockQuietly(StatementRunner locker, String tag, List<String> warnings) {
        try {
            locker.update(CutOverSql.unlock(tag));
        } catch (RuntimeException e) {
            // the locker's connection is gone or broken: closing it releases its locks
            Sessions.closeQuietly(locker);
            warnings.add("UNLOCK TABLES failed (" + e.getMessage() + "); closed the locker's connection instead");
        }
    }

    /** Drops {@code _t_del} only when it is our empty sentry and no RENAME can still turn it into the old table. */
    static void dropSentryIfOurs(AsyncRename renamer, boolean issued, StatementRunner controller, ArtifactNames names,
                                 List<String> warnings) {
        if (issued && !renamer.isDone()) {
            return;
        }
        try {
            Optional<String> comment = controller.queryString(CutOverSql.tableComment(names.old()));
            if (comment.isPresent() && comment.get().equals(CutOverSql.SENTRY_COMMENT)) {
                controller.update(CutOverSql.dropSentryIfExists(names.old()));
            }
        } catch (RuntimeException e) {
            warnings.add("could not drop the sentry " + names.old() + " (" + e.getMessage() + "); drop it before the next attempt");
        }
    }
}
