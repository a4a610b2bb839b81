package io.oscar.engine.inspect;

import io.oscar.engine.db.ServerFlavor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link ReplicaStatus}. MySQL 8.0.22+ renamed the statement and its columns (Source_, Replica_);
 * MariaDB and older MySQL use the Master_/Slave_ names, which are tried second.
 */
final class ReplicaStatusReader {
    private final SqlReader sql;
    private final ServerFlavor flavor;

    ReplicaStatusReader(SqlReader sql, ServerFlavor flavor) {
        this.sql = sql;
        this.flavor = flavor;
    }

    Optional<ReplicaStatus> read() {
        boolean replicaWords = !flavor.isMariaDb() && flavor.atLeast(8, 0, 22);
        String statement = replicaWords ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
        List<ReplicaStatus> rows = sql.list("the replica status (" + statement + ")", statement, ReplicaStatusReader::status);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ReplicaStatus s = rows.get(0);
        if (flavor.isMariaDb()) {
            s = withExecuted(s, sql.list("the replica's GTID position", "SELECT @@GLOBAL.gtid_slave_pos",
                    rs -> rs.getString(1)).get(0));
        }
        return Optional.of(s);
    }

    private static ReplicaStatus status(ResultSet rs) throws SQLException {
        String behind = either(rs, "Seconds_Behind_Source", "Seconds_Behind_Master");
        return new ReplicaStatus(either(rs, "Replica_IO_Running", "Slave_IO_Running"),
                either(rs, "Replica_SQL_Running", "Slave_SQL_Running"),
                behind == null || behind.isEmpty() ? null : Long.valueOf(behind),
                number(SqlReader.optionalString(rs, "Last_IO_Errno")), SqlReader.optionalString(rs, "Last_IO_Error"),
                number(SqlReader.optionalString(rs, "Last_SQL_Errno")), SqlReader.optionalString(rs, "Last_SQL_Error"),
                either(rs, "Source_Host", "Master_Host"), number(either(rs, "Source_Port", "Master_Port")),
                either(rs, "Retrieved_Gtid_Set", "Gtid_IO_Pos"), SqlReader.optionalString(rs, "Executed_Gtid_Set"));
    }

    private static ReplicaStatus withExecuted(ReplicaStatus s, String executed) {
        return new ReplicaStatus(s.ioThread(), s.sqlThread(), s.secondsBehind(), s.lastIoErrno(), s.lastIoError(),
                s.lastSqlErrno(), s.lastSqlError(), s.sourceHost(), s.sourcePort(), s.gtidReceived(), executed);
    }

    private static String either(ResultSet rs, String modern, String legacy) throws SQLException {
        String v = SqlReader.optionalString(rs, modern);
        return v != null ? v : SqlReader.optionalString(rs, legacy);
    }

    private static int number(String s) {
        return s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
    }
}
