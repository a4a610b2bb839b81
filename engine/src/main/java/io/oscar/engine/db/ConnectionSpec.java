package io.oscar.engine.db;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and as whom to connect. Never prints its password: {@link #toString()} and
 * {@link #describe()} are safe for logs and error messages.
 *
 * @param database default schema, or null for none
 */
public record ConnectionSpec(String host, int port, String user, String password, String database) {

    public static final int DEFAULT_PORT = 3306;

    public ConnectionSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (port <= 0 || port > 65535) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "port " + port + " is not a TCP port (1-65535)");
        }
        password = password == null ? "" : password;
        database = database == null || database.isBlank() ? null : database;
    }

    /**
     * Reads {@code jdbc:mysql://host[:port][/database][?user=..&password=..]}, the form the test
     * fixture and scripts pass around in environment variables.
     */
    public static ConnectionSpec fromJdbcUrl(String url) {
        String prefix = "jdbc:mysql://";
        if (url == null || !url.startsWith(prefix)) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT,
                    "expected a URL like jdbc:mysql://127.0.0.1:3307/?user=oscar&password=..., got: " + redact(url));
        }
        String rest = url.substring(prefix.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String database = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            database = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        HostPort hp = HostPort.parse(rest, DEFAULT_PORT);
        Map<String, String> params = parseQuery(query);
        return new ConnectionSpec(hp.host(), hp.port(), params.getOrDefault("user", "root"),
                params.getOrDefault("password", ""), database);
    }

    public ConnectionSpec withDatabase(String db) {
        return new ConnectionSpec(host, port, user, password, db);
    }

    public ConnectionSpec withHostPort(HostPort hp) {
        return new ConnectionSpec(hp.host(), hp.port(), user, password, database);
    }

    /** The JDBC URL without credentials; they travel as connection properties. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + HostPort.format(host, port) + "/" + (database == null ? "" : database);
    }

    /** {@code user@host:port}, for messages. */
    public String describe() {
        return user + "@" + HostPort.format(host, port);
    }

    @Override
    public String toString() {
        return "ConnectionSpec[" + describe() + (database == null ? "" : "/" + database) + "]";
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String redact(String url) {
        return url == null ? "nothing" : url.replaceAll("password=[^&]*", "password=***");
    }
}
