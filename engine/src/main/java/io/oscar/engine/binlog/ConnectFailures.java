package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.network.ServerException;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.ConnectionSpec;

/** Turns the binlog client's failures into messages that name user@host:port and say what to do. */
final class ConnectFailures {
    private static final int ER_ACCESS_DENIED = 1045;
    private static final int ER_SPECIFIC_ACCESS_DENIED = 1227;
    private static final int ER_MASTER_FATAL_READING_BINLOG = 1236;

    private ConnectFailures() {
    }

    static OscarException translate(ConnectionSpec spec, Throwable e) {
        String who = spec.describe();
        if (e instanceof ServerException se) {
            return switch (se.getErrorCode()) {
                case ER_ACCESS_DENIED -> new OscarException(ErrorCode.ACCESS_DENIED, "binlog connection refused for "
                        + who + ": access denied; check the user name and password (--user, --password)", e);
                case ER_SPECIFIC_ACCESS_DENIED -> new OscarException(ErrorCode.MISSING_PRIVILEGE, "user " + who
                        + " may not read the binlog: GRANT REPLICATION SLAVE, BINLOG MONITOR (MariaDB) or "
                        + "REPLICATION SLAVE, REPLICATION CLIENT (MySQL); server said: " + se.getMessage(), e);
                case ER_MASTER_FATAL_READING_BINLOG -> new OscarException(ErrorCode.BINLOG_FAILED, "the server "
                        + who + " cannot send the binlog from the requested position (" + se.getMessage()
                        + "); was it purged? start again from a current position", e);
                default -> new OscarException(ErrorCode.BINLOG_FAILED, "binlog stream from " + who + " failed: error "
                        + se.getErrorCode() + ": " + se.getMessage(), e);
            };
        }
        if (e instanceof java.net.ConnectException || e instanceof java.net.SocketTimeoutException
                || e instanceof java.net.UnknownHostException) {
            return new OscarException(ErrorCode.CONNECT_FAILED, "cannot open a binlog connection to " + who + ": "
                    + e.getMessage() + "; is the server running and listening there? (check --host and --port)", e);
        }
        return new OscarException(ErrorCode.BINLOG_FAILED, "binlog connection to " + who + " failed: " + e, e);
    }
}
