package io.oscar.engine.check;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.schema.ForeignKey;

import java.util.List;

/**
 * Other tables reference this one. If the ALTER changes a referenced column, the children must change
 * with it: a multi-table plan, never a silent refusal. Otherwise the single-table engine would have to
 * re-point the children's keys during the cut-over, which it does not do yet.
 */
public final class ParentForeignKeyCheck implements Check {
    @Override
    public String name() {
        return "parent-foreign-keys";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<ForeignKey> children = ctx.table().referencedBy();
        if (children.isEmpty()) {
            return CheckResult.pass(name(), "no foreign key references " + ctx.table().name());
        }
        List<ForeignKey> affected = children.stream().filter(fk -> changesReferencedColumn(ctx.analysis(), fk)).toList();
        if (!affected.isEmpty()) {
            return CheckResult.fail(name(), "the ALTER changes columns that foreign keys reference: " + describe(affected)
                    + ". The children must change with the parent: this needs the multi-table plan (drop these foreign keys,"
                    + " migrate each child, migrate " + ctx.table().name() + ", check for orphans, restore the keys),"
                    + " which oscar's single-table migration cannot do on its own");
        }
        return CheckResult.fail(name(), ctx.table().name() + " is referenced by " + describe(children)
                + ". Swapping it would leave those keys pointing at the old table; oscar's single-table migration does not"
                + " re-point parent-side foreign keys yet. Use a plan that drops and restores them around the migration");
    }

    static boolean changesReferencedColumn(AlterAnalysis a, ForeignKey fk) {
        for (String col : fk.parentColumns()) {
            if (a.typeChangeOf(col) != null
                    || a.droppedColumns().stream().anyMatch(d -> d.equalsIgnoreCase(col))
                    || a.renamedColumns().keySet().stream().anyMatch(r -> r.equalsIgnoreCase(col))) {
                return true;
            }
        }
        return false;
    }

    static String describe(List<ForeignKey> fks) {
        return String.join(", ", fks.stream().map(fk -> fk.child() + " (" + String.join(", ", fk.childColumns())
                + ") -> (" + String.join(", ", fk.parentColumns()) + ") " + fk.name()).toList());
    }
}
