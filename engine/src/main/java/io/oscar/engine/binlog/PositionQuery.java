package io.oscar.engine.binlog;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.ServerFlavor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the server's current binlog position: the only SQL this package runs. */
final class PositionQuery {
    private PositionQuery() {
    }

    static BinlogPosition current(Connection c) {
        try {
            ServerFlavor flavor = flavor(c);
            boolean mysql84 = !flavor.isMariaDb() && flavor.atLeast(8, 4, 0);
            String show = mysql84 ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(show)) {
                if (!rs.next()) {
                    throw new OscarException(ErrorCode.BINLOG_FAILED, show + " returned nothing on " + flavor.label()
                            + ": binary logging is off; start the server with log_bin (and binlog_format=ROW)");
                }
                String file = rs.getString("File");
                long pos = rs.getLong("Position");
                String gtids = flavor.isMariaDb() ? mariaDbGtidAt(c, file, pos) : mysqlGtids(rs);
                return new BinlogPosition(file, pos, gtids);
            }
        } catch (SQLException e) {
            throw new OscarException(ErrorCode.BINLOG_FAILED, "cannot read the binlog position ("
                    + e.getMessage() + "); the account needs BINLOG MONITOR (MariaDB) or REPLICATION CLIENT (MySQL)", e);
        }
    }

    private static ServerFlavor flavor(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@version, @@version_comment")) {
            rs.next();
            return ServerFlavor.parse(rs.getString(1), rs.getString(2));
        }
    }

    /** BINLOG_GTID_POS gives the GTID state at exactly that file/offset: no race with concurrent writes. */
    private static String mariaDbGtidAt(Connection c, String file, long pos) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
            ps.setString(1, file);
            ps.setLong(2, pos);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String mysqlGtids(ResultSet rs) throws SQLException {
        try {
            String gtids = rs.getString("Executed_Gtid_Set");
            return gtids == null ? null : gtids.replaceAll("\\s+", "");
        } catch (SQLException noSuchColumn) {
            return null; // MySQL before 5.6 or GTID disabled build
        }
    }
}
