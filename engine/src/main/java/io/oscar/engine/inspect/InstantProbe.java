package io.oscar.engine.inspect;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.ArtifactNames;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks the server whether it can run an ALTER without a copy: makes an empty {@code CREATE TABLE ... LIKE}
 * copy ({@code _t_osc_probe}), tries the ALTER on it with ever more expensive algorithms, and drops it.
 * Only the server knows (versions differ in what is instant), so no table of rules here.
 * <p>
 * Touches only the probe table; the original is read by CREATE TABLE LIKE under a short lock wait.
 */
public final class InstantProbe {
    private static final int LOCK_WAIT_SECONDS = 5;

    private final Connection connection;
    private final ServerFlavor flavor;
    private final String where;

    /** @param where {@code user@host:port}, for error messages */
    public InstantProbe(Connection connection, ServerFlavor flavor, String where) {
        this.connection = connection;
        this.flavor = flavor;
        this.where = where;
    }

    /** @param clause the ALTER's clause list, without {@code ALTER TABLE name} and without ALGORITHM/LOCK */
    public AlterAlgorithm probe(TableName table, String clause) {
        TableName probe = ArtifactNames.of(table).probe();
        try (Statement st = connection.createStatement()) {
            String previousWait = lockWaitTimeout(st);
            st.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            try {
                st.execute("DROP TABLE IF EXISTS " + probe.quoted());
                st.execute("CREATE TABLE " + probe.quoted() + " LIKE " + table.quoted());
                return tryAlgorithms(st, probe, clause);
            } finally {
                st.execute("DROP TABLE IF EXISTS " + probe.quoted());
                st.execute("SET SESSION lock_wait_timeout = " + previousWait);
            }
        } catch (SQLException e) {
            throw new OscarException(ErrorCode.SQL_FAILED, "probing ALTER algorithms for " + table + " on " + where
                    + " failed: " + e.getMessage() + "; drop " + probe + " if it is left behind", e);
        }
    }

    private AlterAlgorithm tryAlgorithms(Statement st, TableName probe, String clause) throws SQLException {
        String alter = "ALTER TABLE " + probe.quoted() + " " + clause + ", ";
        StringBuilder refusals = new StringBuilder();
        if (flavor.instantDdl() && attempt(st, alter + "ALGORITHM=INSTANT", refusals)) {
            return new AlterAlgorithm(AlterAlgorithm.Kind.INSTANT, "");
        }
        if (flavor.isMariaDb() && attempt(st, alter + "ALGORITHM=NOCOPY, LOCK=NONE", refusals)) {
            return new AlterAlgorithm(AlterAlgorithm.Kind.NOCOPY, refusals.toString());
        }
        if (attempt(st, alter + "ALGORITHM=INPLACE, LOCK=NONE", refusals)) {
            return new AlterAlgorithm(AlterAlgorithm.Kind.INPLACE, refusals.toString());
        }
        if (attempt(st, alter + "ALGORITHM=COPY", refusals)) {
            return new AlterAlgorithm(AlterAlgorithm.Kind.COPY, refusals.toString());
        }
        return new AlterAlgorithm(AlterAlgorithm.Kind.UNKNOWN, refusals.toString());
    }

    /** Runs one ALTER on the probe; on refusal appends the server's reason and returns false. */
    private static boolean attempt(Statement st, String sql, StringBuilder refusals) {
        try {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            if (!refusals.isEmpty()) {
                refusals.append("; ");
            }
            refusals.append(e.getMessage());
            return false;
        }
    }

    private static String lockWaitTimeout(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT @@SESSION.lock_wait_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
