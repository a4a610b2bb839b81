package io.oscar.engine.inspect;

import io.oscar.engine.db.ServerFlavor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@link BinlogSettings} with one {@code SHOW GLOBAL VARIABLES} (information_schema.GLOBAL_VARIABLES
 * is disabled on MySQL 5.7 by default, performance_schema is often off on MariaDB). Variables a server
 * does not have are simply absent from the answer.
 */
final class BinlogReader {
    private static final List<String> NAMES = List.of("log_bin", "binlog_format", "binlog_row_image",
            "binlog_row_metadata", "log_slave_updates", "log_replica_updates", "server_id", "gtid_mode",
            "gtid_executed", "gtid_binlog_pos", "gtid_strict_mode", "read_only");

    private final SqlReader sql;
    private final ServerFlavor flavor;

    BinlogReader(SqlReader sql, ServerFlavor flavor) {
        this.sql = sql;
        this.flavor = flavor;
    }

    BinlogSettings read() {
        Map<String, String> v = variables();
        String replicaUpdates = v.containsKey("log_replica_updates") ? v.get("log_replica_updates") : v.get("log_slave_updates");
        boolean maria = flavor.isMariaDb();
        return new BinlogSettings(on(v.get("log_bin")), upper(v.get("binlog_format")), upper(v.get("binlog_row_image")),
                upper(v.get("binlog_row_metadata")), on(replicaUpdates), Long.parseLong(v.getOrDefault("server_id", "0")),
                maria ? null : upper(v.get("gtid_mode")),
                maria ? v.get("gtid_binlog_pos") : v.get("gtid_executed"),
                maria ? Boolean.valueOf(on(v.get("gtid_strict_mode"))) : null,
                on(v.get("read_only")));
    }

    private Map<String, String> variables() {
        String marks = String.join(", ", NAMES.stream().map(n -> "?").toList());
        Map<String, String> out = new HashMap<>();
        sql.list("the binlog settings", "SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + marks + ")",
                rs -> out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2)), NAMES.toArray());
        return out;
    }

    private static boolean on(String value) {
        return value != null && (value.equalsIgnoreCase("ON") || value.equals("1"));
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
