package io.oscar.shell.commands;

import io.oscar.engine.api.Progress;
import io.oscar.shell.Shell;
import io.oscar.shell.render.Json;
import io.oscar.shell.render.ProgressRenderer;

import java.util.List;

public final class StatusCommand implements Command {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<String> aliases() {
        return List.of("sup");
    }

    @Override
    public String usage() {
        return "status [--json]";
    }

    @Override
    public String summary() {
        return "Show every migration of this session: phase, progress, rates, backlog, lag, throttle, ETA.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        boolean json = args.contains("--json");
        if (args.size() > (json ? 1 : 0)) {
            throw new UsageException("status takes only --json");
        }
        List<Progress> all = shell.session().status();
        if (json) {
            shell.out().println(Json.write(all));
        } else if (all.isEmpty()) {
            shell.out().println("no migrations in this session; start one with 'run TABLE ALTER...'");
        } else {
            all.forEach(p -> shell.out().println(ProgressRenderer.line(p)));
        }
    }
}
