package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

public final class ExitCommand implements Command {
    @Override
    public String name() {
        return "exit";
    }

    @Override
    public List<String> aliases() {
        return List.of("quit");
    }

    @Override
    public String usage() {
        return "exit";
    }

    @Override
    public String summary() {
        return "Disconnect and leave oscar (asks first when a migration runs: leaving aborts it).";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("exit takes no arguments");
        }
        if (!shell.mayLeave()) {
            shell.info().println("staying: the migration keeps running");
            return;
        }
        shell.requestExit();
    }
}
