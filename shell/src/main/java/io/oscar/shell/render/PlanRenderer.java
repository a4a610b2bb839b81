package io.oscar.shell.render;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.check.CheckResult;
import io.oscar.engine.plan.MigrationPlan;
import io.oscar.engine.plan.Step;
import io.oscar.engine.schema.ForeignKey;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The human form of {@code plan}: what changes, what the server could do, checks, steps, verdict. */
public final class PlanRenderer {
    private PlanRenderer() {
    }

    public static void render(MigrationPlan p, PrintWriter out) {
        out.printf("plan for %s: %s%n", p.table(), p.clauses());
        out.printf("  size: ~%,d rows, %s%n", p.rowEstimate(), Sizes.bytes(p.dataBytes()));
        changes(p.analysis()).forEach(c -> out.println("  " + c));
        if (p.sharedKey().found()) {
            out.println("  shared key: " + p.sharedKey().chosen());
        }
        out.println("  server: " + p.algorithm().advice());
        if (p.instantAlternative() != null) {
            out.println("    instead of a migration you can run: " + p.instantAlternative());
        }
        p.analysis().warnings().forEach(w -> out.println("  note: " + w));
        out.println("checks:");
        int w = p.checks().stream().mapToInt(c -> c.check().length()).max().orElse(8);
        for (CheckResult c : p.checks()) {
            out.printf("  %-4s %-" + w + "s  %s%n", c.status(), c.check(), c.message());
        }
        if (!p.childForeignKeys().isEmpty()) {
            out.println("foreign keys that must change with this table (multi-table plan):");
            for (ForeignKey fk : p.childForeignKeys()) {
                out.printf("  %s %s (%s) -> %s (%s)%n", fk.name(), fk.child(), String.join(", ", fk.childColumns()),
                        fk.parent(), String.join(", ", fk.parentColumns()));
            }
        }
        out.println("steps:" + (p.steps().isEmpty() ? " none until the failed checks are resolved" : ""));
        int n = 1;
        for (Step s : p.steps()) {
            out.printf("  %d. %s%n", n++, s.describe());
        }
        out.println(p.runnable() ? "ready: `run` would start this migration"
                : "blocked by " + p.failures().size() + " failed check(s): " + String.join(", ",
                p.failures().stream().map(CheckResult::check).toList()));
    }

    private static List<String> changes(AlterAnalysis a) {
        List<String> out = new ArrayList<>();
        a.typeChanges().forEach(t -> out.add("type change: " + t.oldName() + " " + t.oldType() + " -> "
                + (t.newName().equals(t.oldName()) ? "" : t.newName() + " ") + t.newType()));
        if (!a.addedColumns().isEmpty()) {
            out.add("added columns: " + String.join(", ", a.addedColumns()));
        }
        if (!a.droppedColumns().isEmpty()) {
            out.add("dropped columns: " + String.join(", ", a.droppedColumns()));
        }
        a.renamedColumns().forEach((o, n) -> out.add("renamed column: " + o + " -> " + n));
        a.addedKeys().forEach(k -> out.add("added key: " + k.name() + " (" + String.join(", ", k.columns()) + ")"));
        a.droppedKeys().forEach(k -> out.add("dropped key: " + k.name() + " (" + String.join(", ", k.columns()) + ")"));
        if (a.convertsCharset()) {
            out.add("converts the character set of text columns");
        }
        return out;
    }
}
