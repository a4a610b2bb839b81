package io.oscar.shell;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.api.Session;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.shell.commands.Command;
import io.oscar.shell.commands.MigrationArguments;
import io.oscar.shell.commands.UsageException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The state behind the prompt: the session (if connected) and the command table. Runs one line at a
 * time and never lets an error escape: every failure becomes one line on the error stream.
 */
public final class Shell implements AutoCloseable {
    private final PrintWriter out;
    private final PrintWriter err;
    private final ConnectionDefaults defaults;
    private final CommandRegistry commands;
    private PrintWriter info;
    private Session session;
    private boolean exitRequested;
    private MigrationArguments lastPlan;
    private boolean batch;
    private ShellListener listener;
    private java.util.function.Consumer<String> above;
    private java.util.function.Consumer<io.oscar.engine.api.Progress> liveProgress;
    private java.util.function.Predicate<String> confirmer;
    private java.util.function.Supplier<List<String>> history;

    public Shell(PrintWriter out, PrintWriter err, ConnectionDefaults defaults) {
        this(out, err, defaults, CommandRegistry.standard());
    }

    Shell(PrintWriter out, PrintWriter err, ConnectionDefaults defaults, CommandRegistry commands) {
        this.commands = commands;
        this.out = out;
        this.err = err;
        this.defaults = defaults;
        this.info = out;
    }

    /**
     * Where status messages go ("connected to ...", "disconnected"): the terminal in interactive use;
     * standard error in batch mode, so standard output holds only results (e.g. --json).
     */
    public PrintWriter info() {
        return info;
    }

    public void sendInfoTo(PrintWriter writer) {
        this.info = writer;
    }

    /** Runs one command line; returns false when it failed (the reason is already printed). */
    public boolean execute(String line) {
        List<String> words;
        try {
            words = Tokenizer.split(line);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return false;
        }
        if (words.isEmpty()) {
            return true;
        }
        if (words.size() == 1 && words.get(0).matches("[a-z-]+=.*")) {
            words = List.of("set", words.get(0)); // gh-ost style: chunk-size=500
            line = "set " + line.strip();
        }
        Optional<Command> command = commands.find(words.get(0));
        if (command.isEmpty()) {
            err.println(commands.unknown(words.get(0)));
            return false;
        }
        try {
            command.get().run(this, words.subList(1, words.size()), afterVerb(line));
            return true;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: " + command.get().usage());
            return false;
        } catch (OscarException e) {
            err.println("error: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // an engine bug or a dropped connection must not end the shell: one line, like any error
            err.println("error: " + oneLine(e));
            return false;
        } finally {
            out.flush();
            err.flush();
            info.flush();
        }
    }

    /** The message, or the exception's class when it has none (a NullPointerException, say). */
    static String oneLine(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getName() : m.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String afterVerb(String line) {
        String t = line.strip();
        int i = 0;
        while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return t.substring(i).strip();
    }

    public void connect(ConnectionSpec primary, ConnectionSpec replica) {
        Session fresh = Session.connect(primary, replica);
        disconnect();
        session = fresh;
    }

    public void disconnect() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    public boolean isConnected() {
        return session != null;
    }

    /** The connected session; a clear error when there is none. */
    public Session session() {
        if (session == null) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "not connected: type 'connect HOST:PORT' first");
        }
        return session;
    }

    public CommandRegistry commands() {
        return commands;
    }

    public ConnectionDefaults defaults() {
        return defaults;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** The arguments of the last {@code plan}, for a bare {@code run}. */
    public void rememberPlan(MigrationArguments plan) {
        lastPlan = plan;
    }

    public Optional<MigrationArguments> lastPlan() {
        return Optional.ofNullable(lastPlan);
    }

    /** Batch mode (-e, piped input): 'run' waits for its migration; progress is printed as lines. */
    public void setBatch(boolean batch) {
        this.batch = batch;
        this.listener = new ShellListener(this, batch);
    }

    public boolean batch() {
        return batch;
    }

    public io.oscar.engine.api.MigrationListener listener() {
        if (listener == null) {
            listener = new ShellListener(this, batch);
        }
        return listener;
    }

    /** Where lines from migration threads go when a prompt is shown (printed above it). */
    public void printAboveWith(java.util.function.Consumer<String> printer) {
        this.above = printer;
    }

    /** A line from a migration thread: above the prompt when there is one, else on the status stream. */
    public synchronized void notify(String line) {
        if (above != null) {
            above.accept(line);
        } else {
            info.println(line);
            info.flush();
        }
    }

    /** Waits for a migration started in batch mode: until it ends, or waits for 'cutover'. */
    public io.oscar.engine.api.Progress awaitInBatch(String table) {
        while (true) {
            var p = session().await(table, java.time.Duration.ofMillis(200));
            if (p.phase().finished() || p.awaitingCutover()) {
                return p;
            }
        }
    }

    /** Where the live status line gets progress snapshots (interactive use); null prints them as lines. */
    public void showProgressWith(java.util.function.Consumer<io.oscar.engine.api.Progress> sink) {
        this.liveProgress = sink;
    }

    java.util.function.Consumer<io.oscar.engine.api.Progress> liveProgress() {
        return liveProgress;
    }

    /** How to ask the operator a yes/no question; without one (batch mode) nothing is asked. */
    public void confirmWith(java.util.function.Predicate<String> confirmer) {
        this.confirmer = confirmer;
    }

    /**
     * True when the shell may end now: nothing runs, or the operator agreed that leaving aborts the
     * running migrations (closing the session aborts them and waits).
     */
    public boolean mayLeave() {
        if (confirmer == null || session == null || !session.busy()) {
            return true;
        }
        return confirmer.test("a migration is running; leaving aborts it (the original table stays as it is). Leave? [y/N] ");
    }

    /** The lines typed at the prompt, oldest first (empty in batch mode). */
    public void historyFrom(java.util.function.Supplier<List<String>> history) {
        this.history = history;
    }

    public Optional<List<String>> history() {
        return Optional.ofNullable(history).map(java.util.function.Supplier::get);
    }

    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    @Override
    public void close() {
        disconnect();
    }
}
