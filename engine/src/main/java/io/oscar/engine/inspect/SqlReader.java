package io.oscar.engine.inspect;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the inspector's read-only queries: values always bound, rows mapped one by one, and every
 * {@link SQLException} turned into an {@link OscarException} that names the server and what was being read.
 * Never writes and never changes session state.
 */
final class SqlReader {
    private static final int ER_SPECIFIC_ACCESS_DENIED = 1227;
    private static final int ER_TABLEACCESS_DENIED = 1142;

    /** Maps the current row; may throw SQLException, which {@link SqlReader} wraps. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String server;

    SqlReader(Connection connection, String server) {
        this.connection = connection;
        this.server = server;
    }

    String server() {
        return server;
    }

    /**
     * @param what what is being read, for the error message ("the columns of shop.orders")
     */
    <T> List<T> list(String what, String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private OscarException failure(String what, SQLException e) {
        int code = e.getErrorCode();
        if (code == ER_SPECIFIC_ACCESS_DENIED || code == ER_TABLEACCESS_DENIED) {
            return new OscarException(ErrorCode.MISSING_PRIVILEGE, "reading " + what + " on " + server
                    + " was refused: " + e.getMessage() + "; grant the privilege it names to this user", e);
        }
        return new OscarException(ErrorCode.SQL_FAILED, "reading " + what + " on " + server + " failed: "
                + e.getMessage() + " (error " + code + ", SQLSTATE " + e.getSQLState() + ")", e);
    }

    /** A column that may be absent from the result (it differs between servers and versions), or null. */
    static String optionalString(ResultSet rs, String column) throws SQLException {
        int count = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= count; i++) {
            if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase(column)) {
                return rs.getString(i);
            }
        }
        return null;
    }
}
