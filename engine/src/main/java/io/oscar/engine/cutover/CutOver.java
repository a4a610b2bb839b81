package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.cutover.CutOverOptions.ProbeMode;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.Connector;
import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.migrate.Pacer;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.CutOverSql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Swaps the drained ghost {@code _t_gho} into the place of {@code t}, atomically, for one table. When other
 * tables reference {@code t} (their keys passed as {@code referencedBy}), the FK-aware {@link ParentSwap}
 * re-points those keys at the ghost inside the lock, with relay sessions on the children and {@code t}.
 * Otherwise it chooses the swap by flavor: the sentry swap everywhere, or on MySQL 8.0.13+
 * ({@link ServerFlavor#renameUnderLockTables()}) with {@link CutOverOptions#renameUnderLock()} a RENAME
 * under LOCK TABLES (see that option for why it is not the default). Checks before each attempt that
 * {@code t} and the ghost exist and {@code _t_del} does not, and retries failed attempts with backoff.
 * A failed attempt leaves {@code t} intact and the ghost in place; the caller keeps applying and may
 * call {@link #run()} again.
 */
public final class CutOver {
    private final Sessions sessions;
    private final ServerFlavor flavor;
    private final ArtifactNames names;
    private final Drain drain;
    private final CutOverOptions options;
    private final Pacer pacer;
    private final CutOverListener listener;
    private final List<ForeignKey> referencedBy;

    /** The cut-over of a table no foreign key references. */
    public CutOver(ConnectionSpec spec, Connector connector, ServerFlavor flavor, ArtifactNames names, Drain drain,
                   CutOverOptions options, Pacer pacer, CutOverListener listener) {
        this(spec, connector, flavor, names, drain, options, pacer, listener, List.of());
    }

    /**
     * @param referencedBy the keys of other tables that reference {@code t} on columns the ALTER leaves alone
     *                     (the caller checks that); they end up referencing the new {@code t} under the same names
     */
    public CutOver(ConnectionSpec spec, Connector connector, ServerFlavor flavor, ArtifactNames names, Drain drain,
                   CutOverOptions options, Pacer pacer, CutOverListener listener, List<ForeignKey> referencedBy) {
        this.referencedBy = List.copyOf(Objects.requireNonNull(referencedBy, "referencedBy"));
        this.sessions = new Sessions(Objects.requireNonNull(connector, "connector"), Objects.requireNonNull(spec, "spec"));
        this.flavor = Objects.requireNonNull(flavor, "flavor");
        this.names = Objects.requireNonNull(names, "names");
        this.drain = Objects.requireNonNull(drain, "drain");
        this.options = Objects.requireNonNull(options, "options");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.listener = listener == null ? CutOverListener.NONE : listener;
    }

    /** Swaps, retrying up to {@code options.attempts()} times; throws CUTOVER_FAILED or PREFLIGHT_FAILED. */
    public CutOverResult run() {
        List<String> warnings = new ArrayList<>();
        OscarException last = null;
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            Swap swap = prepare();
            try {
                Swap.Outcome outcome = swap.attempt(attempt);
                warnings.addAll(outcome.warnings());
                return new CutOverResult(names.original(), outcome.lockTime(), attempt, swap.method(), warnings);
            } catch (OscarException e) {
                if (e.code() != ErrorCode.CUTOVER_FAILED) {
                    throw e;
                }
                last = e;
                warnings.add(e.getMessage());
                listener.attemptFailed(attempt, e);
                if (attempt < options.attempts()) {
                    pacer.pause(options.backoffAfter(attempt));
                }
            }
        }
        throw new OscarException(ErrorCode.CUTOVER_FAILED, "gave up the cut-over of " + names.original() + " after "
                + options.attempts() + " attempts; it is unchanged and takes writes, the ghost " + names.ghost().table()
                + " is kept up to date; last failure: " + last.getMessage(), last);
    }

    /**
     * Before the copy: throws PREFLIGHT_FAILED now, not after hours of copying, when this server cannot watch the
     * cut-over's queued RENAME (performance_schema off where the swap needs it). May turn the MDL instrument on.
     */
    public void checkBeforeCopy() {
        StatementRunner check = sessions.open("cut-over preflight");
        try {
            if (!referencedBy.isEmpty()) {
                QueueProbes.requireMetadataLocks(check, "the cut-over of a table that foreign keys reference watches"
                        + " its relay sessions there");
            } else if (!(flavor.renameUnderLockTables() && options.renameUnderLock())) {
                QueueProbes.resolve(check, options.probe(), names);
            }
        } finally {
            Sessions.closeQuietly(check);
        }
    }

    /** Checks the tables (read-only, nothing locked yet) and picks the swap for this server. */
    private Swap prepare() {
        StatementRunner check = sessions.open("cut-over check");
        try {
            requireTable(check, names.original(), ErrorCode.TABLE_NOT_FOUND, "nothing to cut over");
            requireTable(check, names.ghost(), ErrorCode.PREFLIGHT_FAILED, "the ghost table is missing; restart the migration");
            refuseLeftover(check);
            if (!referencedBy.isEmpty()) {
                QueueProbes.requireMetadataLocks(check, "the cut-over of a table that foreign keys reference watches"
                        + " its relay sessions there");
                return new ParentSwap(sessions, names, referencedBy, drain, options, pacer, listener);
            }
            if (flavor.renameUnderLockTables() && options.renameUnderLock()) {
                return new LockedRenameSwap(sessions, names, drain, options, listener);
            }
            ProbeMode mode = QueueProbes.resolve(check, options.probe(), names);
            return new SentrySwap(sessions, names, drain, options, pacer, listener, mode);
        } finally {
            Sessions.closeQuietly(check);
        }
    }

    private static void requireTable(StatementRunner check, TableName table, ErrorCode code, String what) {
        if (check.query(CutOverSql.tableComment(table), rs -> 1).isEmpty()) {
            throw new OscarException(code, "table " + table + " does not exist: " + what);
        }
    }

    private void refuseLeftover(StatementRunner check) {
        List<String> comments = check.query(CutOverSql.tableComment(names.old()), rs -> Optional.ofNullable(rs.getString(1)).orElse(""));
        if (comments.isEmpty()) {
            return;
        }
        String advice = comments.get(0).equals(CutOverSql.SENTRY_COMMENT)
                ? "it is an empty sentry left by an interrupted cut-over: drop it (DROP TABLE " + names.old().quoted() + ")"
                : "it is probably the original table of an earlier migration: archive or drop it (DROP TABLE "
                + names.old().quoted() + ") once you no longer need it";
        throw new OscarException(ErrorCode.PREFLIGHT_FAILED, "table " + names.old() + " already exists and the cut-over"
                + " needs that name for the old " + names.original().table() + "; " + advice + ", then cut over again");
    }
}
