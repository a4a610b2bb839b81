package io.oscar.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;
import org.jline.utils.Status;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The interactive {@code oscar>} prompt on a terminal (the system's, or a test's): completion,
 * persistent history without passwords, Ctrl-C clears the line, a live status line while migrations
 * run, and leaving (exit, quit, Ctrl-D) asks first when that would abort a migration.
 */
final class Repl {
    private static final String PROMPT = "oscar> ";
    private final Shell shell;
    private final Terminal terminal;
    private final Path historyFile;

    Repl(Shell shell, Terminal terminal, Path historyFile) {
        this.shell = shell;
        this.terminal = terminal;
        this.historyFile = historyFile;
    }

    static Path defaultHistoryFile() {
        return Path.of(System.getProperty("user.home"), ".oscar_history");
    }

    int run() {
        PromptReader reader = new PromptReader(terminal);
        History history = new SecretFreeHistory();
        reader.setHistory(history);
        reader.setVariable(LineReader.HISTORY_FILE, historyFile);
        reader.setCompleter(new ShellCompleter(shell, NameCache.fiveSeconds()));
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // '!' in an ALTER is text, not history
        PrintWriter out = terminal.writer();
        shell.printAboveWith(reader::printAbove);
        shell.confirmWith(question -> confirm(reader, question));
        shell.historyFrom(() -> lines(history));
        try (LiveStatus status = new LiveStatus(lines -> draw(reader, lines))) {
            if (statusLineSupported()) { // else progress prints as a line every half minute, as before
                shell.showProgressWith(status::accept);
                status.start();
            }
            out.println("oscar: type 'help' for the commands, 'exit' to leave.");
            out.flush();
            loop(reader);
        } finally {
            shell.showProgressWith(null);
            shell.printAboveWith(null);
            shell.confirmWith(null);
            shell.historyFrom(null);
        }
        if (shell.isConnected() && shell.session().busy()) {
            out.println("aborting the running migrations (ghost tables are dropped, originals untouched)...");
            out.flush();
            shell.disconnect(); // Session.close(): aborts and waits for each migration to clean up
        }
        return 0;
    }

    private void loop(LineReader reader) {
        while (!shell.exitRequested()) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C: drop the line being typed
            } catch (EndOfFileException e) {
                if (shell.mayLeave()) {
                    break; // Ctrl-D
                }
                continue;
            }
            shell.execute(line);
        }
    }

    /** Draws the status lines only while the prompt waits for keys: never in the middle of a command's output. */
    private boolean draw(PromptReader reader, List<String> lines) {
        return reader.whileLocked(() -> {
            if (!reader.isReading()) {
                return false;
            }
            Status status = Status.getStatus(terminal);
            if (status != null) {
                status.update(lines.stream().map(AttributedString::new).toList());
            }
            return true;
        });
    }

    /** What JLine's Status needs: a scroll region and cursor addressing (a dumb terminal has neither). */
    private boolean statusLineSupported() {
        return terminal.getStringCapability(InfoCmp.Capability.change_scroll_region) != null
                && terminal.getStringCapability(InfoCmp.Capability.save_cursor) != null
                && terminal.getStringCapability(InfoCmp.Capability.restore_cursor) != null
                && terminal.getStringCapability(InfoCmp.Capability.cursor_address) != null;
    }

    private static List<String> lines(History history) {
        List<String> all = new ArrayList<>();
        history.forEach(e -> all.add(e.line()));
        return all;
    }

    private static boolean confirm(LineReader reader, String question) {
        reader.setVariable(LineReader.DISABLE_HISTORY, true); // a 'y' is not worth recalling
        try {
            return reader.readLine(question).strip().equalsIgnoreCase("y");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
        }
    }
}
