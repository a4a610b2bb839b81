package io.oscar.engine.inspect;

/**
 * What a replica says about its replication (the first channel of {@code SHOW SLAVE STATUS} /
 * {@code SHOW REPLICA STATUS}), under one set of names for MySQL and MariaDB.
 *
 * @param ioThread       {@code Yes}, {@code No} or {@code Connecting}, as the server says it
 * @param sqlThread      {@code Yes} or {@code No}
 * @param secondsBehind  null when the server cannot tell (a thread stopped, or not yet connected)
 * @param gtidReceived   MariaDB {@code Gtid_IO_Pos}, MySQL {@code Retrieved_Gtid_Set}; may be empty
 * @param gtidExecuted   MariaDB {@code @@gtid_slave_pos}, MySQL {@code Executed_Gtid_Set}; may be empty
 */
public record ReplicaStatus(String ioThread, String sqlThread, Long secondsBehind, int lastIoErrno, String lastIoError,
                            int lastSqlErrno, String lastSqlError, String sourceHost, int sourcePort,
                            String gtidReceived, String gtidExecuted) {

    public boolean ioRunning() {
        return "Yes".equalsIgnoreCase(ioThread);
    }

    public boolean sqlRunning() {
        return "Yes".equalsIgnoreCase(sqlThread);
    }

    /** Both threads running. */
    public boolean running() {
        return ioRunning() && sqlRunning();
    }
}
