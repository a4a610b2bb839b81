package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

public final class UseCommand implements Command {
    @Override
    public String name() {
        return "use";
    }

    @Override
    public String usage() {
        return "use SCHEMA";
    }

    @Override
    public String summary() {
        return "Choose the schema for table names written without one.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("use takes one schema name");
        }
        shell.session().use(args.get(0));
        shell.info().println("schema " + args.get(0));
    }
}
