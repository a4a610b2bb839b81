package io.oscar.shell;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.HostPort;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Connection options with mysql-client habits. Precedence: command line, then
 * {@code OSCAR_PASSWORD}/{@code MYSQL_PWD}, then the option file's {@code [client]} section, then defaults.
 */
final class ConnectOptions {
    @Option(names = {"-h", "--host"}, paramLabel = "HOST", description = "Primary host (default 127.0.0.1).")
    String host;

    @Option(names = {"-P", "--port"}, paramLabel = "PORT", description = "Primary port (default 3306).")
    Integer port;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "User name (default: your login name).")
    String user;

    @Option(names = {"-p", "--password"}, arity = "0..1", interactive = true, paramLabel = "PASSWORD",
            description = "Password; given without a value, oscar prompts for it. Prefer the prompt, "
                    + "OSCAR_PASSWORD or ~/.my.cnf: a password on the command line shows in ps.")
    char[] password;

    @Option(names = {"-D", "--database"}, paramLabel = "DB", description = "Default schema.")
    String database;

    @Option(names = "--replica", paramLabel = "HOST:PORT",
            description = "Replica to inspect and read the binlog from (same user and password).")
    String replica;

    @Option(names = "--defaults-file", paramLabel = "FILE",
            description = "Option file to read [client] from instead of ~/.my.cnf.")
    Path defaultsFile;

    /** True when the operator gave anything that says where to connect. */
    boolean anyGiven() {
        return host != null || port != null || user != null || password != null || database != null
                || replica != null || defaultsFile != null;
    }

    ConnectionSpec primary(Map<String, String> env) {
        MyCnf cnf = optionFile();
        String h = first(host, cnf.get("host"), "127.0.0.1");
        int p = port != null ? port : parsePort(first(null, cnf.get("port"), "3306"));
        String u = first(user, cnf.get("user"), System.getProperty("user.name", "root"));
        String pw = password != null ? new String(password)
                : first(env.get("OSCAR_PASSWORD"), env.get("MYSQL_PWD"), cnf.get("password"));
        String db = first(database, cnf.get("database"), null);
        return new ConnectionSpec(h, p, u, pw, db);
    }

    /** The replica, with the primary's user and password; null when none was given. */
    ConnectionSpec replica(ConnectionSpec primary) {
        return replica == null ? null : primary.withHostPort(HostPort.parse(replica, ConnectionSpec.DEFAULT_PORT));
    }

    private MyCnf optionFile() {
        Path file = defaultsFile != null ? defaultsFile : Path.of(System.getProperty("user.home"), ".my.cnf");
        if (!Files.isReadable(file)) {
            if (defaultsFile != null) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cannot read --defaults-file " + file);
            }
            return MyCnf.empty();
        }
        try {
            return MyCnf.read(file);
        } catch (IOException e) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cannot read option file " + file + ": " + e.getMessage(), e);
        }
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "port '" + text + "' is not a number");
        }
    }

    @SafeVarargs
    private static <T> T first(T... candidates) {
        for (T c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
