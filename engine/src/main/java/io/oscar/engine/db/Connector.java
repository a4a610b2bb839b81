package io.oscar.engine.db;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens JDBC connections and turns the driver's failures into one line that names host, port and
 * user and says what to check.
 */
public final class Connector {
    private static final int ER_ACCESS_DENIED = 1045;
    private static final int ER_DBACCESS_DENIED = 1044;
    private static final int ER_BAD_DB = 1049;

    private final int connectTimeoutMs;

    public Connector() {
        this(5_000);
    }

    public Connector(int connectTimeoutMs) {
        this.connectTimeoutMs = connectTimeoutMs;
    }

    public Connection open(ConnectionSpec spec) {
        Properties props = new Properties();
        props.setProperty("user", spec.user());
        props.setProperty("password", spec.password());
        props.setProperty("connectTimeout", Integer.toString(connectTimeoutMs));
        // MySQL 8's caching_sha2_password over a non-TLS link needs the server's key.
        props.setProperty("allowPublicKeyRetrieval", "true");
        props.setProperty("characterEncoding", "UTF-8");
        props.setProperty("connectionCollation", "utf8mb4_general_ci");
        props.setProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        props.setProperty("tinyInt1isBit", "false");
        try {
            return DriverManager.getConnection(spec.jdbcUrl(), props);
        } catch (SQLException e) {
            throw translate(spec, e);
        }
    }

    /** Reads the server's flavor and version on an open connection. */
    public static ServerFlavor flavorOf(Connection c, ConnectionSpec spec) {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@version, @@version_comment")) {
            rs.next();
            return ServerFlavor.parse(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw new OscarException(ErrorCode.SQL_FAILED,
                    "cannot read the server version on " + spec.describe() + ": " + e.getMessage(), e);
        }
    }

    static OscarException translate(ConnectionSpec spec, SQLException e) {
        String who = spec.describe();
        int code = e.getErrorCode();
        if (code == ER_ACCESS_DENIED) {
            return new OscarException(ErrorCode.ACCESS_DENIED,
                    "access denied for " + who + ": check the user name and password (--user, --password, ~/.my.cnf)", e);
        }
        if (code == ER_DBACCESS_DENIED) {
            return new OscarException(ErrorCode.MISSING_PRIVILEGE,
                    "user " + who + " may not use database '" + spec.database() + "': " + e.getMessage(), e);
        }
        if (code == ER_BAD_DB) {
            return new OscarException(ErrorCode.INVALID_ARGUMENT,
                    "database '" + spec.database() + "' does not exist on " + HostPort.format(spec.host(), spec.port()), e);
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return new OscarException(ErrorCode.CONNECT_FAILED,
                    "cannot connect to " + who + ": " + firstLine(e.getMessage())
                            + "; is the server running and listening there? (check --host and --port)", e);
        }
        return new OscarException(ErrorCode.SQL_FAILED, "connecting to " + who + " failed: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
