package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

public final class HelpCommand implements Command {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public List<String> aliases() {
        return List.of("?");
    }

    @Override
    public String usage() {
        return "help [COMMAND]";
    }

    @Override
    public String summary() {
        return "List the commands, or show one command's usage.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (args.size() > 1) {
            throw new UsageException("help takes at most one command name");
        }
        if (args.size() == 1) {
            Command c = shell.commands().find(args.get(0))
                    .orElseThrow(() -> new UsageException(shell.commands().unknown(args.get(0))));
            shell.out().println("usage: " + c.usage());
            shell.out().println("  " + c.summary());
            if (!c.aliases().isEmpty()) {
                shell.out().println("  aliases: " + String.join(", ", c.aliases()));
            }
            return;
        }
        int width = shell.commands().all().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        for (Command c : shell.commands().all()) {
            shell.out().printf("  %-" + width + "s  %s%n", c.usage(), c.summary());
        }
    }
}
