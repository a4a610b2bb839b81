package io.oscar.shell.commands;

import io.oscar.engine.api.TableReport;
import io.oscar.shell.Shell;
import io.oscar.shell.render.Json;
import io.oscar.shell.render.TableReportRenderer;

import java.util.ArrayList;
import java.util.List;

/** {@code inspect [--json] TABLE}: columns, keys, foreign keys both ways, triggers, binlog and replication. */
public final class InspectCommand implements Command {
    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String usage() {
        return "inspect [--json] [SCHEMA.]TABLE";
    }

    @Override
    public String summary() {
        return "Show a table: columns, keys, foreign keys both ways, triggers, binlog and replica state.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        List<String> rest = new ArrayList<>(args);
        boolean json = rest.remove("--json");
        if (rest.size() != 1 || rest.get(0).startsWith("-")) {
            throw new UsageException("inspect takes one table name");
        }
        TableReport report = shell.session().inspect(rest.get(0));
        if (json) {
            shell.out().println(Json.write(report));
        } else {
            TableReportRenderer.render(report, shell.out());
        }
    }
}
