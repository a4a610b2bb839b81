package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

/** One shell verb. Parses its arguments, calls one Session method, renders the result. No SQL here. */
public interface Command {
    String name();

    default List<String> aliases() {
        return List.of();
    }

    /** One line, e.g. {@code connect [USER@]HOST[:PORT] [--replica HOST:PORT]}. */
    String usage();

    /** One sentence for the command list. */
    String summary();

    /** Runs the command; throws {@link UsageException} on bad arguments. */
    void run(Shell shell, List<String> args);

    /**
     * Runs the command with the line after the verb exactly as typed, for commands whose arguments
     * carry SQL (quotes must survive). By default the words are enough.
     */
    default void run(Shell shell, List<String> args, String raw) {
        run(shell, args);
    }
}
