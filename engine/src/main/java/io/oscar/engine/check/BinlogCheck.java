package io.oscar.engine.check;

import io.oscar.engine.inspect.BinlogSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The binlog oscar reads (the primary's; the replica's with {@code binlogFromReplica}) must log full row
 * images; the primary must log rows too. Without column metadata oscar maps by the inspected schema.
 */
public final class BinlogCheck implements Check {
    @Override
    public String name() {
        return "binlog";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<String> problems = new ArrayList<>(problems("primary", ctx.primaryBinlog()));
        boolean fromReplica = ctx.hasReplica() && ctx.replicaBinlog() != null && ctx.options().binlogFromReplica();
        if (fromReplica) {
            problems.addAll(problems("replica", ctx.replicaBinlog()));
            if (!ctx.replicaBinlog().logReplicaUpdates()) {
                problems.add("replica: log_slave_updates (log_replica_updates) is OFF, so its binlog lacks the primary's changes;"
                        + " turn it on (needs a restart) or leave out --binlog-from-replica");
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(name(), String.join("; ", problems));
        }
        BinlogSettings source = fromReplica ? ctx.replicaBinlog() : ctx.primaryBinlog();
        if (!"FULL".equalsIgnoreCase(source.binlogRowMetadata())) {
            return CheckResult.warn(name(), "binlog_row_metadata is " + source.binlogRowMetadata()
                    + ": row events carry no column names, so oscar maps them by the inspected schema (safe while nobody"
                    + " ALTERs the table meanwhile); SET GLOBAL binlog_row_metadata=FULL to be sure");
        }
        return CheckResult.pass(name(), "ROW binlog with full images and column metadata");
    }

    private static List<String> problems(String role, BinlogSettings b) {
        List<String> out = new ArrayList<>();
        if (!b.logBin()) {
            out.add(role + ": the binary log is off; start the server with log_bin");
            return out;
        }
        if (!"ROW".equalsIgnoreCase(b.binlogFormat())) {
            out.add(role + ": binlog_format is " + b.binlogFormat() + "; SET GLOBAL binlog_format=ROW (and in the config)");
        }
        if (!"FULL".equalsIgnoreCase(b.binlogRowImage())) {
            out.add(role + ": binlog_row_image is " + b.binlogRowImage() + "; SET GLOBAL binlog_row_image=FULL (and in the config)");
        }
        return out;
    }
}
