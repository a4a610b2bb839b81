package io.oscar.shell.commands;

import io.oscar.engine.api.OscarException;
import io.oscar.engine.api.Phase;
import io.oscar.engine.api.Progress;
import io.oscar.shell.Shell;

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
        return "run [options] [SCHEMA.]TABLE ALTER...   |   run (the last plan)";
    }

    @Override
    public String summary() {
        return "Migrate a table online in the background (see 'help plan' for the options).";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        run(shell, args, String.join(" ", args));
    }

    @Override
    public void run(Shell shell, List<String> args, String raw) {
        MigrationArguments a = raw.isBlank()
                ? shell.lastPlan().orElseThrow(() -> new UsageException("no plan yet: run TABLE ALTER..., or plan first"))
                : MigrationArguments.parse(raw);
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
