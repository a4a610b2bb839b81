package io.oscar.engine.db;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.sql.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link SqlStatement}s on one connection: binds the arguments and turns an SQLException into an
 * {@link OscarException} naming the server and the statement's tag. Temporal values must already be
 * strings (Connector/J drops fractional seconds when it binds LocalDateTime against MariaDB).
 */
public final class StatementRunner {
    private final Connection connection;
    private final String where;

    /** @param where {@code user@host:port}, for messages */
    public StatementRunner(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public Connection connection() {
        return connection;
    }

    public String where() {
        return where;
    }

    public int update(SqlStatement s) {
        try (PreparedStatement ps = prepare(s)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(s, e);
        }
    }

    /** An update's row count and the server's warnings (code and message), in order. */
    public record UpdateResult(int rows, List<Warning> warnings) {
    }

    public record Warning(int code, String message) {
    }

    /** Like {@link #update} but also collects the statement's warnings (INSERT IGNORE hides errors in them). */
    public UpdateResult updateWithWarnings(SqlStatement s) {
        try (PreparedStatement ps = prepare(s)) {
            int rows = ps.executeUpdate();
            List<Warning> warnings = new ArrayList<>();
            for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(new Warning(w.getErrorCode(), w.getMessage()));
            }
            return new UpdateResult(rows, warnings);
        } catch (SQLException e) {
            throw failure(s, e);
        }
    }

    public <T> List<T> query(SqlStatement s, RowMapper<T> mapper) {
        try (PreparedStatement ps = prepare(s); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(s, e);
        }
    }

    /** The first column of the first row as text, if there is a row. */
    public Optional<String> queryString(SqlStatement s) {
        List<String> rows = query(s, rs -> rs.getString(1));
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private PreparedStatement prepare(SqlStatement s) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(s.sql());
        List<Object> args = s.args();
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    /** Whether the server error behind this exception is worth retrying (deadlock, lock wait timeout). */
    public static boolean retryable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException se && (se.getErrorCode() == 1213 || se.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private OscarException failure(SqlStatement s, SQLException e) {
        return new OscarException(ErrorCode.SQL_FAILED,
                "oscar " + s.tag() + " failed on " + where + ": " + e.getMessage() + " (error " + e.getErrorCode() + ")", e);
    }
}
