package io.oscar.shell.commands;

import io.oscar.engine.api.OscarException;
import io.oscar.engine.api.Phase;
import io.oscar.engine.api.Progress;
import io.oscar.engine.plan.Plan;
import io.oscar.shell.Shell;
import io.oscar.shell.render.StepsRenderer;

import java.util.List;

/**
 * {@code run [options] TABLE ALTER...} (or {@code run} for the last plan): starts the migration in the
 * background and returns the prompt; in batch mode waits until it ends (or waits for 'cutover').
 */
public final class RunCommand implements Command {
    @Override
    public String name() {
        return "run";
    }

    @Override
    public String usage() {
        return "run [options] [SCHEMA.]TABLE ALTER...  |  run FILE.groovy [--yes] [--auto-cutover]  |  run (the last plan)";
    }

    @Override
    public String summary() {
        return "Migrate a table online in the background (see 'help plan' for the options).";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        run(shell, args, String.join(" ", args));
    }

    /**
     * The ALTER changes columns that foreign keys reference: oscar runs its multi-table plan, but only
     * when told so with --yes after showing it (dropping foreign keys for a while is a decision).
     */
    private static void runMultiTable(Shell shell, MigrationArguments a) {
        Plan plan = shell.session().planFor(a.table(), a.alter(), a.options());
        StepsRenderer.render(plan, shell.out());
        if (!a.yes()) {
            throw new UsageException("this ALTER changes columns that foreign keys reference, so it runs as the plan above"
                    + " (the keys are dropped during it, then checked and restored). Review it and run again with --yes");
        }
        runPlan(shell, plan, true, false);
    }

    /** Runs a plan in the background; batch mode waits for it. A pause step goes on only with --yes. */
    private static void runPlan(Shell shell, Plan plan, boolean yes, boolean autoCutover) {
        Thread t = shell.session().runPlan(plan, shell.listener(), message -> {
            shell.notify("pause: " + message + (yes ? " (continuing: --yes)" : "; the plan stops here, run it again to continue"));
            return yes;
        }, autoCutover);
        if (shell.batch()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shell.session().planFailure(plan.name()).ifPresent(f -> {
                throw f instanceof OscarException oe ? oe
                        : new OscarException(io.oscar.engine.api.ErrorCode.SQL_FAILED, f.getMessage(), f);
            });
        }
    }

    @Override
    public void run(Shell shell, List<String> args, String raw) {
        if (PlanFiles.isPlanFile(raw)) {
            Plan plan = PlanFiles.load(shell, PlanFiles.fileOf(raw));
            StepsRenderer.render(plan, shell.out());
            runPlan(shell, plan, raw.contains("--yes"), raw.contains("--auto-cutover"));
            return;
        }
        MigrationArguments a = raw.isBlank()
                ? shell.lastPlan().orElseThrow(() -> new UsageException("no plan yet: run TABLE ALTER..., or plan first"))
                : MigrationArguments.parse(raw);
        var prepared = shell.session().prepare(a.table(), a.alter(), a.options());
        if (!prepared.childForeignKeys().isEmpty()) {
            runMultiTable(shell, a);
            return;
        }
        var plan = shell.session().start(a.table(), a.alter(), a.options(), shell.listener());
        shell.info().println("started: " + plan.table() + " " + plan.clauses() + " (type 'status', 'throttle', 'abort "
                + plan.table() + "')");
        if (shell.batch()) {
            Progress p = shell.awaitInBatch(plan.table().toString());
            if (p.phase() == Phase.FAILED || p.phase() == Phase.ABORTED) {
                throw new OscarException(io.oscar.engine.api.ErrorCode.SQL_FAILED,
                        "migration of " + plan.table() + " " + p.phase().name().toLowerCase()
                                + (p.failure() == null ? "" : ": " + p.failure()));
            }
        }
    }
}
