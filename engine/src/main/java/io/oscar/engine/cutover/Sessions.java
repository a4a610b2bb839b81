package io.oscar.engine.cutover;

import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.Connector;
import io.oscar.engine.db.StatementRunner;

import java.sql.SQLException;

/** Opens the cut-over's connections (each named by its role in messages) and closes them quietly. */
final class Sessions {
    private final Connector connector;
    private final ConnectionSpec spec;

    Sessions(Connector connector, ConnectionSpec spec) {
        this.connector = connector;
        this.spec = spec;
    }

    StatementRunner open(String role) {
        return new StatementRunner(connector.open(spec), spec.describe() + " (" + role + ")");
    }

    /** Closing a connection also releases its table locks: the last line of defence of every attempt. */
    static void closeQuietly(StatementRunner runner) {
        if (runner == null) {
            return;
        }
        try {
            runner.connection().close();
        } catch (SQLException ignored) {
            // the connection is already broken: the server has released whatever it held
        }
    }
}
