package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

/**
 * {@code history [N]}: the lines typed at the prompt (kept in ~/.oscar_history), numbered, oldest
 * first. Lines that carried a password were never stored.
 */
public final class HistoryCommand implements Command {
    @Override
    public String name() {
        return "history";
    }

    @Override
    public String usage() {
        return "history [N]";
    }

    @Override
    public String summary() {
        return "List the commands typed before (the last N); up-arrow and Ctrl-R recall them.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (args.size() > 1) {
            throw new UsageException("history takes at most a number");
        }
        int limit = Integer.MAX_VALUE;
        if (args.size() == 1) {
            try {
                limit = Integer.parseInt(args.get(0));
            } catch (NumberFormatException e) {
                throw new UsageException("history takes a number of lines, got '" + args.get(0) + "'");
            }
        }
        List<String> lines = shell.history()
                .orElseThrow(() -> new UsageException("history is kept by the interactive prompt only"));
        int first = Math.max(0, lines.size() - limit);
        for (int i = first; i < lines.size(); i++) {
            shell.out().printf("%5d  %s%n", i + 1, lines.get(i));
        }
    }
}
