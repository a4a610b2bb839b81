package io.oscar.shell.commands;

import io.oscar.engine.plan.MigrationPlan;
import io.oscar.shell.Shell;
import io.oscar.shell.render.Json;
import io.oscar.shell.render.PlanRenderer;
import io.oscar.shell.render.StepsRenderer;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.plan.Plan;

import java.util.List;

/** {@code plan [--json] [options] TABLE ALTER...}: what oscar would do, and whether it can. Changes nothing. */
public final class PlanCommand implements Command {
    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String usage() {
        return "plan [--json] [options] [SCHEMA.]TABLE ALTER...  |  plan FILE.groovy";
    }

    @Override
    public String summary() {
        return "Show how an ALTER would run: checks, shared key, instant alternative, foreign keys, steps.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        run(shell, args, String.join(" ", args));
    }

    @Override
    public void run(Shell shell, List<String> args, String raw) {
        if (raw.isBlank()) {
            throw new UsageException("plan needs a table and an ALTER");
        }
        if (PlanFiles.isPlanFile(raw)) {
            Plan plan = PlanFiles.load(shell, PlanFiles.fileOf(raw));
            if (raw.contains("--json")) {
                shell.out().println(Json.write(plan));
            } else {
                StepsRenderer.render(plan, shell.out());
            }
            return;
        }
        MigrationArguments a = MigrationArguments.parse(raw);
        MigrationPlan plan = shell.session().prepare(a.table(), a.alter(), a.options());
        shell.rememberPlan(a);
        if (a.json()) {
            shell.out().println(Json.write(plan));
            return;
        }
        PlanRenderer.render(plan, shell.out());
        if (!plan.childForeignKeys().isEmpty()) {
            try {
                shell.out().println("oscar can run this as a multi-table plan instead ('run ... --yes' runs it):");
                StepsRenderer.render(shell.session().planFor(a.table(), a.alter(), a.options()), shell.out());
            } catch (OscarException e) {
                shell.out().println("no multi-table plan either: " + e.getMessage());
            }
        }
    }
}
