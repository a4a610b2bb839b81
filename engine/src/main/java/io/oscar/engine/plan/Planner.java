package io.oscar.engine.plan;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.check.CheckContext;
import io.oscar.engine.check.CheckResult;
import io.oscar.engine.check.Checks;
import io.oscar.engine.inspect.AlterAlgorithm;
import io.oscar.engine.schema.ForeignKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns what was read about one table and one ALTER into a plan: runs every preflight check, finds
 * the foreign keys that must change with the table, and lists the steps. Pure: the reading is done.
 */
public final class Planner {
    private Planner() {
    }

    public static MigrationPlan plan(CheckContext ctx, AlterAlgorithm algorithm) {
        AlterAnalysis a = ctx.analysis();
        List<CheckResult> checks = Checks.runAll(ctx);
        List<ForeignKey> children = affectedForeignKeys(a, ctx.referencingTree());
        boolean runnable = checks.stream().noneMatch(CheckResult::failed);
        List<Step> steps = runnable
                ? List.of(new Step.MigrateTable(ctx.table().name(), a.clauses(), ctx.options()))
                : List.of();
        String instant = switch (algorithm.kind()) {
            case INSTANT -> a.alterStatementFor(ctx.table().name().quoted()) + ", ALGORITHM=INSTANT";
            case NOCOPY -> a.alterStatementFor(ctx.table().name().quoted()) + ", ALGORITHM=NOCOPY, LOCK=NONE";
            default -> null;
        };
        return new MigrationPlan(ctx.table().name(), a.clauses(), ctx.table().rowEstimate(), ctx.table().dataBytes(),
                ctx.sharedKey(), algorithm, algorithm.kind() == AlterAlgorithm.Kind.INSTANT, instant, checks, children, steps, runnable, a);
    }

    /**
     * FKs whose referenced columns the ALTER changes (type, name or existence), then, for every child
     * column such a key forces to change, the FKs that reference that child column in turn.
     */
    static List<ForeignKey> affectedForeignKeys(AlterAnalysis a, List<ForeignKey> tree) {
        Set<String> changed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        String root = a.before().name().toString();
        for (ForeignKey fk : tree) {
            if (!fk.parent().toString().equals(root)) {
                continue;
            }
            for (String col : fk.parentColumns()) {
                if (a.typeChangeOf(col) != null || a.droppedColumns().stream().anyMatch(col::equalsIgnoreCase)
                        || a.renamedColumns().keySet().stream().anyMatch(col::equalsIgnoreCase)) {
                    changed.add(root + "." + col);
                }
            }
        }
        List<ForeignKey> out = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ForeignKey fk : tree) {
                if (out.contains(fk)) {
                    continue;
                }
                for (int i = 0; i < fk.parentColumns().size(); i++) {
                    if (changed.contains(fk.parent() + "." + fk.parentColumns().get(i))) {
                        out.add(fk);
                        fk.childColumns().forEach(c -> changed.add(fk.child() + "." + c));
                        grew = true;
                        break;
                    }
                }
            }
        }
        return out;
    }
}
