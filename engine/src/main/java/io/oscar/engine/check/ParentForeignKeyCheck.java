package io.oscar.engine.check;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;

import java.util.List;

/**
 * Other tables reference this one. If the ALTER changes a referenced column, the children must change
 * with it: a multi-table plan, never a silent refusal. Otherwise the cut-over re-points the children's keys
 * at the ghost inside its lock (docs/RESEARCH-fk-cutover.md, 6.1), which this check allows with a warning
 * (the children are write-blocked for the cut-over too), unless the table references itself or the ALTER
 * drops the index a key needs.
 * <p>
 * Cascading keys (ON DELETE/UPDATE CASCADE, SET NULL) are allowed: only the parent is ghosted, so during
 * the copy the original enforces them on the real children (the cascades the binlog does not carry land
 * where they belong); the ghost takes the keys, rules included, only once it is drained and locked, and no
 * applied change reaches it after that.
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
        List<ForeignKey> selfReferencing = children.stream().filter(fk -> fk.child().equals(ctx.table().name())).toList();
        if (!selfReferencing.isEmpty()) {
            return CheckResult.fail(name(), ctx.table().name() + " references itself: " + describe(selfReferencing)
                    + ". Its ghost would have to carry the key too and the cut-over cannot re-point it; drop the key"
                    + " around the migration (and check for orphans before adding it back)");
        }
        List<ForeignKey> unindexed = children.stream().filter(fk -> !indexed(ctx.analysis().after(), fk)).toList();
        if (!unindexed.isEmpty()) {
            return CheckResult.fail(name(), "the ALTER drops the index that these foreign keys need on "
                    + ctx.table().name() + ": " + describe(unindexed) + ". Keep an index that starts with the referenced columns");
        }
        List<ForeignKey> cascading = children.stream().filter(ForeignKey::cascades).toList();
        return CheckResult.warn(name(), ctx.table().name() + " is referenced by " + describe(children)
                + ". The cut-over re-points these keys at the new table inside its lock (drop + add at"
                + " foreign_key_checks=0, a few ms per key), so " + children.stream().map(fk -> fk.child().toString())
                .distinct().toList() + " are write-blocked for the cut-over too; it needs the RELOAD privilege"
                + " (FLUSH TABLES ... WITH READ LOCK) and performance_schema's MDL instrument"
                + (cascading.isEmpty() ? "" : ". Cascading keys keep working: the original enforces them on the"
                + " children until the swap"));
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

    /** InnoDB needs an index on the parent whose first columns are the referenced ones, in order. */
    static boolean indexed(TableSchema after, ForeignKey fk) {
        List<String> cols = fk.parentColumns();
        for (Index index : after.indexes()) {
            List<String> have = index.columns();
            if (have.size() >= cols.size()
                    && java.util.stream.IntStream.range(0, cols.size()).allMatch(i -> have.get(i).equalsIgnoreCase(cols.get(i)))) {
                return true;
            }
        }
        return false;
    }

    static String describe(List<ForeignKey> fks) {
        return String.join(", ", fks.stream().map(fk -> fk.child() + " (" + String.join(", ", fk.childColumns())
                + ") -> (" + String.join(", ", fk.parentColumns()) + ") " + fk.name()
                + (fk.cascades() ? " ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate() : "")).toList());
    }
}
