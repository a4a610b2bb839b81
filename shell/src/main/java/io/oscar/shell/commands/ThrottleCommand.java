package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

/** {@code throttle} (pause) and {@code no-throttle} (resume): copy and apply of every running migration. */
public final class ThrottleCommand implements Command {
    private final boolean on;

    public ThrottleCommand(boolean on) {
        this.on = on;
    }

    @Override
    public String name() {
        return on ? "throttle" : "no-throttle";
    }

    @Override
    public List<String> aliases() {
        return List.of(on ? "pause" : "resume");
    }

    @Override
    public String usage() {
        return name();
    }

    @Override
    public String summary() {
        return on ? "Pause copy and apply of running migrations (the binlog keeps being read)."
                : "Resume copy and apply after 'throttle'.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException(name() + " takes no arguments");
        }
        shell.session().throttle(on);
        shell.info().println(on ? "throttled" : "throttle released");
    }
}
