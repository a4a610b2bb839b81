package io.oscar.shell.render;

import io.oscar.engine.api.TableReport;
import io.oscar.engine.inspect.BinlogSettings;
import io.oscar.engine.inspect.ReplicaStatus;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;

import java.io.PrintWriter;
import java.util.List;

/** The human form of {@code inspect}: table, keys, foreign keys both ways, triggers, servers. */
public final class TableReportRenderer {
    private TableReportRenderer() {
    }

    public static void render(TableReport r, PrintWriter out) {
        TableSchema t = r.table();
        out.printf("table %s  %s  %s  ~%,d rows  %s%s%n", t.name(), t.engine(), t.collation(), t.rowEstimate(),
                Sizes.bytes(t.dataBytes()), t.partitioned() ? "  partitioned" : "");
        out.println("columns:");
        int w = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (Column c : t.columns()) {
            out.printf("  %-" + w + "s  %-24s %-8s%s%s%n", c.name(), c.columnType(), c.nullable() ? "NULL" : "NOT NULL",
                    c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue(),
                    c.extra() == null || c.extra().isBlank() ? "" : " " + c.extra());
        }
        out.println("keys:");
        for (Index i : t.indexes()) {
            String kind = i.primary() ? "PRIMARY KEY" : i.unique() ? "UNIQUE " + i.name() : "KEY " + i.name();
            String nulls = i.unique() && !t.notNull(i) ? "  (nullable: not usable as the shared key)" : "";
            out.printf("  %s (%s)%s%n", kind, String.join(", ", i.columns()), nulls);
        }
        foreignKeys(out, "referenced by (foreign keys to this table, then to its children):", r.referencingTree());
        foreignKeys(out, "references (foreign keys this table declares):", t.foreignKeys());
        out.println("triggers: " + (t.triggers().isEmpty() ? "none"
                : String.join(", ", t.triggers().stream().map(tr -> tr.name() + " " + tr.timing() + " " + tr.event()).toList())));
        server(out, "primary", r.primary().endpoint(), r.primary().flavor().label(), r.primaryBinlog());
        if (r.replica() != null) {
            server(out, "replica", r.replica().endpoint(), r.replica().flavor().label(), r.replicaBinlog());
            replication(out, r.replicaStatus());
        }
    }

    private static void foreignKeys(PrintWriter out, String title, List<ForeignKey> fks) {
        out.println(title + (fks.isEmpty() ? " none" : ""));
        for (ForeignKey fk : fks) {
            out.printf("  %s (%s) -> %s (%s)  %s  ON DELETE %s ON UPDATE %s%n", fk.child(), String.join(", ", fk.childColumns()),
                    fk.parent(), String.join(", ", fk.parentColumns()), fk.name(), fk.onDelete(), fk.onUpdate());
        }
    }

    private static void server(PrintWriter out, String role, String endpoint, String label, BinlogSettings b) {
        out.printf("%s %s (%s): log_bin=%s binlog_format=%s binlog_row_image=%s binlog_row_metadata=%s log_slave_updates=%s%n",
                role, endpoint, label, onOff(b.logBin()), b.binlogFormat(), b.binlogRowImage(),
                b.binlogRowMetadata() == null ? "n/a" : b.binlogRowMetadata(), onOff(b.logReplicaUpdates()));
    }

    private static void replication(PrintWriter out, ReplicaStatus s) {
        if (s == null) {
            out.println("  replication: the replica replicates from nothing");
            return;
        }
        out.printf("  replication from %s:%d: io=%s sql=%s lag=%s%s%n", s.sourceHost(), s.sourcePort(), s.ioThread(),
                s.sqlThread(), s.secondsBehind() == null ? "unknown" : s.secondsBehind() + " s",
                s.running() ? "" : "  NOT RUNNING: " + (s.lastIoError() + " " + s.lastSqlError()).strip());
    }

    private static String onOff(boolean b) {
        return b ? "ON" : "OFF";
    }
}
