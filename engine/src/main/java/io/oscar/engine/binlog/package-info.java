/**
 * Reads the binary log of a MySQL or MariaDB server (primary, or a replica with log_slave_updates)
 * through mysql-binlog-connector-java and hands decoded row changes of the subscribed tables, in
 * binlog order, to one listener per table ({@link io.oscar.engine.binlog.BinlogStreamer}).
 * Also reads where the binlog is now ({@link io.oscar.engine.binlog.BinlogPosition}).
 *
 * <p>Values are converted so that binding them back with JDBC reproduces them exactly
 * ({@link io.oscar.engine.binlog.ColumnDecoder}): temporal values are strings, TIMESTAMP in UTC.
 * This package knows nothing of ghost tables or appliers, and writes nothing.
 */
package io.oscar.engine.binlog;
