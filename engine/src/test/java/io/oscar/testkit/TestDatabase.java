package io.oscar.testkit;

import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.Connector;
import io.oscar.engine.db.ServerFlavor;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place integration tests get a database from. In order:
 * <ol>
 *   <li>{@code OSCAR_TEST_PRIMARY} / {@code OSCAR_TEST_REPLICA} (JDBC URLs, e.g.
 *       {@code jdbc:mysql://127.0.0.1:3307/?user=oscar&password=oscar}), as {@code bin/test} exports them
 *       for {@code bin/dev-db}, or as a user sets them for their own servers;</li>
 *   <li>a MySQL primary+replica started with Testcontainers, when a Docker engine answers;</li>
 *   <li>otherwise none: {@link #require()} aborts the test (reported as skipped) with a message that
 *       says how to get one. {@code bin/test} fails a run in which no integration test ran.</li>
 * </ol>
 * A URL that is set but does not answer is an error, never a skip: the user asked for that server.
 */
public final class TestDatabase {
    public static final String PRIMARY_ENV = "OSCAR_TEST_PRIMARY";
    public static final String REPLICA_ENV = "OSCAR_TEST_REPLICA";
    private static final String HOW_TO = "no test database: run the tests with bin/test (it starts bin/dev-db), "
            + "or export " + PRIMARY_ENV + "=jdbc:mysql://HOST:PORT/?user=U&password=P (and " + REPLICA_ENV
            + " for the replica), or start a Docker engine for Testcontainers";

    private static TestDatabase instance;
    private static String unavailable;

    private final ConnectionSpec primary;
    private final ConnectionSpec replica;
    private final String origin;
    private final Connector connector = new Connector();
    private ServerFlavor flavor;

    TestDatabase(ConnectionSpec primary, ConnectionSpec replica, String origin) {
        this.primary = primary;
        this.replica = replica;
        this.origin = origin;
    }

    /** The shared database, or a {@link TestAbortedException} (a skip) saying how to get one. */
    public static synchronized TestDatabase require() {
        if (instance == null && unavailable == null) {
            resolve();
        }
        if (instance == null) {
            throw new TestAbortedException(unavailable);
        }
        return instance;
    }

    /** Like {@link #require()}, and also skips when no replica is configured. */
    public static TestDatabase requireReplica() {
        TestDatabase db = require();
        if (db.replica == null) {
            throw new TestAbortedException("this test needs a replica: set " + REPLICA_ENV + " (bin/test does)");
        }
        return db;
    }

    private static void resolve() {
        String primaryUrl = setting(PRIMARY_ENV);
        if (primaryUrl != null) {
            String replicaUrl = setting(REPLICA_ENV);
            instance = new TestDatabase(ConnectionSpec.fromJdbcUrl(primaryUrl),
                    replicaUrl == null ? null : ConnectionSpec.fromJdbcUrl(replicaUrl), "environment");
            instance.checkReachable();
            return;
        }
        if (ContainerPair.dockerAvailable()) {
            ContainerPair pair = ContainerPair.start();
            instance = new TestDatabase(pair.primary(), pair.replica(), "testcontainers");
            return;
        }
        unavailable = HOW_TO;
    }

    private static String setting(String env) {
        String v = System.getenv(env);
        if (v == null || v.isBlank()) {
            v = System.getProperty(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private void checkReachable() {
        try (Connection c = openPrimary()) {
            flavor = Connector.flavorOf(c, primary);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (replica != null) {
            try (Connection c = openReplica()) {
                Connector.flavorOf(c, replica);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public ConnectionSpec primary() {
        return primary;
    }

    /** The replica's spec, or null when none is configured. */
    public ConnectionSpec replica() {
        return replica;
    }

    public String origin() {
        return origin;
    }

    public synchronized ServerFlavor flavor() {
        if (flavor == null) {
            checkReachable();
        }
        return flavor;
    }

    public Connection openPrimary() {
        return connector.open(primary);
    }

    public Connection openReplica() {
        if (replica == null) {
            throw new TestAbortedException("no replica configured: set " + REPLICA_ENV);
        }
        return connector.open(replica);
    }

    /**
     * Creates a fresh schema on the primary for one spec; the name starts with {@code oscar_it_} so a
     * crashed run's leftovers are easy to find. Waits until the replica has it too.
     */
    public String createSchema(String hint) {
        String base = "oscar_it_" + hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String suffix = "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String name = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
        execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        if (replica != null) {
            awaitReplica(Duration.ofSeconds(30));
        }
        return name;
    }

    public void dropSchema(String name) {
        execute("DROP DATABASE IF EXISTS `" + name.replace("`", "``") + "`");
    }

    private void execute(String sql) {
        try (Connection c = openPrimary(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(primary.describe() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Blocks until the replica has applied everything the primary has binlogged so far. */
    public void awaitReplica(Duration timeout) {
        if (replica == null) {
            return;
        }
        boolean maria = flavor().isMariaDb();
        String position = queryString(primary, maria ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed");
        String wait = maria ? "SELECT MASTER_GTID_WAIT(?, ?)" : "SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)";
        try (Connection c = openReplica(); PreparedStatement ps = c.prepareStatement(wait)) {
            ps.setString(1, position);
            ps.setLong(2, Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 0) {
                    throw new IllegalStateException("replica " + replica.describe() + " did not reach GTID " + position
                            + " within " + timeout + "; is replication running? (bin/dev-db status)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("waiting for replica " + replica.describe() + ": " + e.getMessage(), e);
        }
    }

    private String queryString(ConnectionSpec spec, String sql) {
        try (Connection c = connector.open(spec); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String v = rs.getString(1);
            return v == null ? "" : v;
        } catch (SQLException e) {
            throw new IllegalStateException(spec.describe() + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + origin + ", primary " + primary.describe()
                + (replica == null ? "" : ", replica " + replica.describe()) + "]";
    }
}
