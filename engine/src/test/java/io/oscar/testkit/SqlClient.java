package io.oscar.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JDBC helper for tests: bound parameters, rows as maps keyed by column label. Tests only;
 * production SQL is built in the engine's {@code sql} package.
 */
public final class SqlClient implements AutoCloseable {
    private final Connection connection;
    private final String where;

    public SqlClient(Connection connection, String where) {
        this.connection = connection;
        this.where = where;
    }

    public Connection connection() {
        return connection;
    }

    /** Runs a statement; returns the update count (or -1 for statements that return rows). */
    public int execute(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.execute() ? -1 : ps.getUpdateCount();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** The first row, or null when there is none. */
    public Map<String, Object> firstRow(String sql, Object... args) {
        List<Map<String, Object>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first column of the first row. */
    public Object value(String sql, Object... args) {
        Map<String, Object> row = firstRow(sql, args);
        return row == null ? null : row.values().iterator().next();
    }

    private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException(where + ": " + sql + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // test teardown: nothing to do about a broken connection
        }
    }
}
