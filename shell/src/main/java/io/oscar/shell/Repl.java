package io.oscar.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The interactive {@code oscar>} prompt: completion, persistent history, Ctrl-C clears the line. */
final class Repl {
    private static final String PROMPT = "oscar> ";
    private final Shell shell;

    Repl(Shell shell) {
        this.shell = shell;
    }

    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().name("oscar").system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("oscar")
                    .completer(new StringsCompleter(shell.commands().names()))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".oscar_history"))
                    .build();
            PrintWriter out = terminal.writer();
            shell.printAboveWith(reader::printAbove);
            out.println("oscar: type 'help' for the commands, 'exit' to leave.");
            while (!shell.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: drop the line being typed
                } catch (EndOfFileException e) {
                    if (shell.isConnected() && shell.session().busy() && !confirmExit(reader)) {
                        continue;
                    }
                    break; // Ctrl-D
                }
                shell.execute(line);
            }
            return 0;
        }
    }

    /** Ctrl-D with a migration running: leaving aborts it cleanly, so ask first. */
    private static boolean confirmExit(LineReader reader) {
        try {
            String answer = reader.readLine("a migration is running; leaving aborts it (the original table stays as it is). Leave? [y/N] ");
            return answer.strip().equalsIgnoreCase("y");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }
}
