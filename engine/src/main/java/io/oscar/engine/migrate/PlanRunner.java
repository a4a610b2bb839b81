package io.oscar.engine.migrate;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.api.Phase;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.plan.MigrationPlan;
import io.oscar.engine.plan.Plan;
import io.oscar.engine.plan.Step;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.PlanSql;
import io.oscar.engine.sql.SqlStatement;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a plan's steps in order, on the calling thread. Each finished step is recorded in
 * {@code _oscar_plan_state} (in the schema of the plan's first table), keyed by plan name and the hash
 * of its steps, so a re-run of the same plan resumes after the last finished step. Every step checks
 * its precondition (a key already dropped or already present is not an error). A failed step stops the
 * plan with the step and its cause; the tables are left as the last finished step left them.
 */
public final class PlanRunner {
    /** Starts one table migration of a plan and returns when it ends. */
    public interface TableMigrator {
        MigrationPlan prepare(TableName table, String alter, io.oscar.engine.plan.MigrationOptions options);

        TableMigration migration(MigrationPlan plan);
    }

    /** Answers a pause step: true to go on; false stops the plan there (a re-run continues after it). */
    @FunctionalInterface
    public interface PauseHandler {
        boolean proceed(String message);
    }

    private final StatementRunner runner;
    private final TableMigrator migrator;
    private final MigrationListener listener;
    private final PauseHandler pauses;
    private final Map<String, Instant> droppedAt = new HashMap<>();

    public PlanRunner(StatementRunner runner, TableMigrator migrator, MigrationListener listener, PauseHandler pauses) {
        this.runner = runner;
        this.migrator = migrator;
        this.listener = listener;
        this.pauses = pauses;
    }

    /** Runs the plan (resuming after its finished steps); returns false when a pause stopped it. */
    public boolean run(Plan plan) {
        String schema = stateSchema(plan);
        runner.update(PlanSql.createState(schema));
        Set<Integer> finished = new HashSet<>(runner.query(PlanSql.finishedSteps(schema, plan.name(), plan.hash()), rs -> rs.getInt(1)));
        List<Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String where = "plan " + plan.name() + " step " + (i + 1) + "/" + steps.size();
            if (finished.contains(i + 1)) {
                listener.event(where, "already done: " + step.describe());
                continue;
            }
            listener.event(where, step.describe());
            try {
                if (!runStep(step)) {
                    runner.update(PlanSql.markFinished(schema, plan.name(), plan.hash(), i + 1, step.describe()));
                    listener.event(where, "paused; run the plan again to continue after this step");
                    return false;
                }
            } catch (OscarException e) {
                throw new OscarException(e.code(), where + " (" + step.describe() + ") failed: " + e.getMessage()
                        + ". Fix the cause and run the plan again: it resumes at this step", e);
            }
            runner.update(PlanSql.markFinished(schema, plan.name(), plan.hash(), i + 1, step.describe()));
        }
        listener.event("plan " + plan.name(), "finished: " + steps.size() + " steps");
        return true;
    }

    private boolean runStep(Step step) {
        if (step instanceof Step.DropForeignKey d) {
            dropForeignKey(d.foreignKey());
        } else if (step instanceof Step.CheckOrphans c) {
            checkOrphans(c.foreignKey());
        } else if (step instanceof Step.RestoreForeignKey r) {
            restoreForeignKey(r.foreignKey());
        } else if (step instanceof Step.RunSql s) {
            runner.update(SqlStatement.of("plan sql", s.sql()));
        } else if (step instanceof Step.MigrateTable m) {
            migrate(m);
        } else if (step instanceof Step.Pause p) {
            return pauses.proceed(p.message());
        }
        return true;
    }

    private void migrate(Step.MigrateTable m) {
        MigrationPlan plan = migrator.prepare(m.table(), m.alter(), m.options());
        if (!plan.runnable()) {
            throw new OscarException(ErrorCode.PREFLIGHT_FAILED, "cannot migrate " + m.table() + ": " + String.join("; ",
                    plan.failures().stream().map(f -> f.check() + ": " + f.message()).toList()));
        }
        TableMigration migration = migrator.migration(plan);
        migration.run();
        var last = migration.progress();
        if (last.phase() != Phase.DONE) {
            throw new OscarException(ErrorCode.SQL_FAILED, "migration of " + m.table() + " ended " + last.phase()
                    + (last.failure() == null ? "" : ": " + last.failure()));
        }
    }

    private boolean exists(ForeignKey fk) {
        return runner.queryString(PlanSql.foreignKeyExists(fk)).map(v -> Integer.parseInt(v) > 0).orElse(false);
    }

    private void dropForeignKey(ForeignKey fk) {
        if (!exists(fk)) {
            listener.event(fk.child().toString(), "foreign key " + fk.name() + " is already gone");
            return;
        }
        runner.update(PlanSql.dropForeignKey(fk));
        droppedAt.put(fk.name(), Instant.now());
    }

    private void checkOrphans(ForeignKey fk) {
        List<String> orphans = runner.query(PlanSql.orphans(fk, 10), rs -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= fk.childColumns().size(); i++) {
                sb.append(i > 1 ? "," : "").append(rs.getString(i));
            }
            return sb.toString();
        });
        if (!orphans.isEmpty()) {
            throw new OscarException(ErrorCode.DATA_LOSS, fk.child() + " has rows whose " + fk.childColumns() + " match no "
                    + fk.parent() + " " + fk.parentColumns() + " (e.g. " + String.join("; ", orphans) + "), so " + fk.name()
                    + " was not re-added. Delete or re-parent those rows, then run the plan again");
        }
        listener.event(fk.child().toString(), "no orphans for " + fk.name());
    }

    private void restoreForeignKey(ForeignKey fk) {
        if (exists(fk)) {
            listener.event(fk.child().toString(), "foreign key " + fk.name() + " is already in place");
            return;
        }
        runner.update(SqlStatement.of("restore fk", "SET SESSION foreign_key_checks = 0"));
        try {
            runner.update(PlanSql.addForeignKey(fk));
        } finally {
            runner.update(SqlStatement.of("restore fk", "SET SESSION foreign_key_checks = 1"));
        }
        Instant dropped = droppedAt.get(fk.name());
        listener.event(fk.child().toString(), "foreign key " + fk.name() + " restored"
                + (dropped == null ? "" : " after " + Duration.between(dropped, Instant.now()).toMillis() + " ms without it"));
    }

    private static String stateSchema(Plan plan) {
        for (Step s : plan.steps()) {
            TableName t = s instanceof Step.MigrateTable m ? m.table()
                    : s instanceof Step.DropForeignKey d ? d.foreignKey().child()
                    : s instanceof Step.CheckOrphans c ? c.foreignKey().child()
                    : s instanceof Step.RestoreForeignKey r ? r.foreignKey().child() : null;
            if (t != null) {
                return t.schema();
            }
        }
        throw new OscarException(ErrorCode.INVALID_ARGUMENT, "plan " + plan.name() + " names no table");
    }
}
