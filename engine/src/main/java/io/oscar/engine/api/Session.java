package io.oscar.engine.api;

import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.Connector;
import io.oscar.engine.db.ServerFlavor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection-scoped handle on one primary (and optionally the replica to read from). The shell and
 * plan scripts talk to the engine only through this class. Not thread-safe: one owner drives it.
 */
public final class Session implements AutoCloseable {
    private final ConnectionSpec primarySpec;
    private final ConnectionSpec replicaSpec;
    private final Connection primary;
    private final ServerFlavor flavor;
    private final ServerFlavor replicaFlavor;

    private Session(ConnectionSpec primarySpec, ConnectionSpec replicaSpec, Connection primary,
                    ServerFlavor flavor, ServerFlavor replicaFlavor) {
        this.primarySpec = primarySpec;
        this.replicaSpec = replicaSpec;
        this.primary = primary;
        this.flavor = flavor;
        this.replicaFlavor = replicaFlavor;
    }

    /**
     * Connects to the primary, and checks the replica answers when one is given.
     *
     * @param replica null when there is none
     */
    public static Session connect(ConnectionSpec primary, ConnectionSpec replica) {
        Connector connector = new Connector();
        Connection c = connector.open(primary);
        try {
            ServerFlavor flavor = Connector.flavorOf(c, primary);
            requireSupported(flavor, primary);
            ServerFlavor replicaFlavor = null;
            if (replica != null) {
                try (Connection r = connector.open(replica)) {
                    replicaFlavor = Connector.flavorOf(r, replica);
                    requireSupported(replicaFlavor, replica);
                }
            }
            return new Session(primary, replica, c, flavor, replicaFlavor);
        } catch (RuntimeException | SQLException e) {
            closeQuietly(c);
            if (e instanceof OscarException oe) {
                throw oe;
            }
            throw new OscarException(ErrorCode.SQL_FAILED, "connecting to " + primary.describe() + ": " + e.getMessage(), e);
        }
    }

    private static void requireSupported(ServerFlavor flavor, ConnectionSpec spec) {
        if (!flavor.supported()) {
            throw new OscarException(ErrorCode.UNSUPPORTED_SERVER, spec.describe() + " runs " + flavor.label()
                    + "; oscar supports MySQL 5.7 and later and MariaDB 10.3 and later");
        }
    }

    public ServerFlavor flavor() {
        return flavor;
    }

    public ConnectionSpec primarySpec() {
        return primarySpec;
    }

    public Optional<ConnectionSpec> replicaSpec() {
        return Optional.ofNullable(replicaSpec);
    }

    /** The servers this session is connected to, primary first. */
    public List<ServerInfo> servers() {
        List<ServerInfo> out = new ArrayList<>();
        out.add(new ServerInfo("primary", primarySpec.describe(), flavor, flavor.versionString()));
        if (replicaSpec != null) {
            out.add(new ServerInfo("replica", replicaSpec.describe(), replicaFlavor, replicaFlavor.versionString()));
        }
        return out;
    }

    @Override
    public void close() {
        closeQuietly(primary);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing left to release
        }
    }
}
