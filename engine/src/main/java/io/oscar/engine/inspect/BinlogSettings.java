package io.oscar.engine.inspect;

/**
 * The server settings that decide whether oscar can follow its binlog, as {@code SHOW GLOBAL VARIABLES}
 * reports them. Values are the server's text, upper-case for enumerations ({@code ROW}, {@code FULL}).
 *
 * @param binlogRowMetadata  {@code NO_LOG}, {@code MINIMAL} or {@code FULL}; null on servers without the
 *                           variable (MySQL before 8.0.1, MariaDB before 10.5)
 * @param logReplicaUpdates  {@code log_replica_updates} (MySQL 8.0.26+) or {@code log_slave_updates}
 * @param gtidMode           MySQL's {@code gtid_mode} ({@code ON}, {@code OFF}, ...); null on MariaDB,
 *                           whose GTIDs are always on
 * @param gtidPosition       MariaDB's {@code gtid_binlog_pos} or MySQL's {@code gtid_executed}; may be empty
 * @param gtidStrictMode     MariaDB's {@code gtid_strict_mode}; null on MySQL
 */
public record BinlogSettings(boolean logBin, String binlogFormat, String binlogRowImage, String binlogRowMetadata,
                             boolean logReplicaUpdates, long serverId, String gtidMode, String gtidPosition,
                             Boolean gtidStrictMode, boolean readOnly) {

    /** Whether GTIDs are written: always on MariaDB, {@code gtid_mode=ON} on MySQL. */
    public boolean gtidEnabled() {
        return gtidMode == null || gtidMode.equalsIgnoreCase("ON");
    }

    /** What oscar's binlog streamer needs: binlog on, ROW format, FULL row image. */
    public boolean rowBasedFull() {
        return logBin && "ROW".equalsIgnoreCase(binlogFormat) && "FULL".equalsIgnoreCase(binlogRowImage);
    }
}
