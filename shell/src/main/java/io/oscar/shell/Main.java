package io.oscar.shell;

import io.oscar.engine.api.OscarException;
import io.oscar.engine.api.OscarVersion;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bin/oscar}: parses the start-up options, connects if asked, then runs the prompt or the batch. */
@Command(name = "oscar", versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Online schema change for MySQL and MariaDB: ALTER big, busy tables without downtime.",
                "With no connection options oscar starts disconnected; type 'connect' at the oscar> prompt."},
        footer = {"", "Examples:",
                "  bin/oscar -h 127.0.0.1 -P 3307 -u oscar -p --replica 127.0.0.1:3308",
                "  bin/oscar --defaults-file ~/.my.cnf -e \"connect; help\""})
public final class Main implements Callable<Integer> {
    @Mixin
    ConnectOptions connection = new ConnectOptions();

    @Option(names = {"-?", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print oscar's version and exit.")
    boolean version;

    @Option(names = {"-e", "--execute"}, paramLabel = "COMMANDS",
            description = "Run these commands (separated by ';') without a prompt; exit non-zero on the first failure.")
    String execute;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "PLAN.groovy",
            description = "A plan file to run (as 'run PLAN.groovy'), then exit; needs a connection.")
    String planFile;

    @Option(names = "--yes", description = "With PLAN.groovy: go on at the plan's pause steps without asking.")
    boolean yes;

    /** mysql-binlog-connector-java logs connects at INFO through java.util.logging: oscar reports those itself. Held: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger BINLOG_LOGGER = java.util.logging.Logger.getLogger("com.github.shyiko");

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;

    Main(PrintWriter out, PrintWriter err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        // picocli probes for groovy.lang.Closure (annotated closures), and loading that class boots the Groovy
        // runtime: about 130 ms and 230 classes on every start. oscar's commands are plain classes; plan
        // scripts load Groovy themselves when one runs
        System.setProperty("picocli.disable.closures", "true");
        BINLOG_LOGGER.setLevel(java.util.logging.Level.WARNING);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, System.getenv()));
    }

    /** Runs oscar with these arguments and returns the process exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new Main(out, err, env));
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        ConnectionDefaults defaults;
        try {
            defaults = new ConnectionDefaults(connection.primary(env), null);
            defaults = new ConnectionDefaults(defaults.primary(), connection.replica(defaults.primary()));
        } catch (OscarException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        try (Shell shell = new Shell(out, err, defaults)) {
            Thread onSignal = new Thread(() -> abortOnSignal(shell), "oscar-interrupted");
            Runtime.getRuntime().addShutdownHook(onSignal);
            try {
                return runShell(shell);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is going down (a signal): the hook does the cleaning up
                }
            }
        }
    }

    /**
     * Ctrl-C (SIGINT) or SIGTERM while migrations run: aborts them as 'exit' does, so no ghost or changelog table
     * is left behind (the originals stay as they are; a cut-over under way finishes or rolls back first).
     */
    private void abortOnSignal(Shell shell) {
        try {
            if (shell.isConnected() && shell.session().busy()) {
                err.println("interrupted: aborting the running migrations (ghost tables are dropped, originals untouched)...");
                err.flush();
                shell.disconnect();
                err.println("aborted: the migrations' tables are cleaned up");
                err.flush();
            }
        } catch (RuntimeException e) {
            err.println("interrupted: cleaning up failed (" + e.getMessage() + "); drop the _<table>_gho and _<table>_ghc"
                    + " tables by hand before running again");
            err.flush();
        }
    }

    private int runShell(Shell shell) throws IOException {
        if (planFile != null && execute == null) {
            if (!planFile.endsWith(".groovy")) {
                err.println("error: '" + planFile + "' is not a plan file (PLAN.groovy); see bin/oscar --help");
                return 2;
            }
            execute = "run " + planFile + (yes ? " --yes" : "");
        }
        boolean interactive = execute == null && System.console() != null;
        if (!interactive) {
            shell.sendInfoTo(err);
        }
        shell.setBatch(!interactive);
        if (connection.anyGiven() && !shell.execute("connect")) {
            return 1;
        }
        if (execute != null) {
            return runBatch(shell);
        }
        if (System.console() == null) {
            return runPiped(shell);
        }
        try (Terminal terminal = TerminalBuilder.builder().name("oscar").system(true).build()) {
            return new Repl(shell, terminal, Repl.defaultHistoryFile()).run();
        }
    }

    private int runBatch(Shell shell) {
        for (String command : Tokenizer.commands(execute)) {
            if (!shell.execute(command)) {
                return 1;
            }
            if (shell.exitRequested()) {
                break;
            }
        }
        return waitForMigrations(shell);
    }

    /** A batch ends when its migrations do (a postponed one waits for 'cutover' in a later -e command). */
    private static int waitForMigrations(Shell shell) {
        if (!shell.isConnected()) {
            return 0;
        }
        boolean failed = false;
        for (var p : shell.session().status()) {
            var last = shell.awaitInBatch(p.table());
            failed |= last.phase() == io.oscar.engine.api.Phase.FAILED || last.phase() == io.oscar.engine.api.Phase.ABORTED;
        }
        return failed ? 1 : 0;
    }

    /** Commands piped on stdin: one per line, stop at the first failure like -e. */
    private int runPiped(Shell shell) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while (!shell.exitRequested() && (line = in.readLine()) != null) {
            if (!line.isBlank() && !line.strip().startsWith("#") && !shell.execute(line)) {
                return 1;
            }
        }
        return waitForMigrations(shell);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"oscar " + OscarVersion.current(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
