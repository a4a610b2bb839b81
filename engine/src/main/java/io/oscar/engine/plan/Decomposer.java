package io.oscar.engine.plan;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;
import io.oscar.engine.sql.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's iteration 5, automated: when an ALTER changes columns that foreign keys reference, drop
 * those keys, migrate every child (and grandchild) column to the new type, migrate the parent, then
 * for each key check for orphans and re-add it in place. Pure: works on what was inspected.
 * Refuses keys with cascading actions: while they are dropped nothing cascades, and the application
 * would silently diverge.
 */
public final class Decomposer {
    private Decomposer() {
    }

    /**
     * @param parent the plan of the ALTER on the referenced table (its {@code childForeignKeys} are the keys to drop)
     * @param tables every child table named by those keys, as inspected
     */
    public static Plan decompose(MigrationPlan parent, Map<TableName, TableSchema> tables, MigrationOptions options) {
        List<ForeignKey> fks = parent.childForeignKeys();
        refuseCascades(fks);
        Map<String, String> newTypes = new LinkedHashMap<>();
        AlterAnalysis a = parent.analysis();
        for (AlterAnalysis.TypeChange t : a.typeChanges()) {
            newTypes.put(key(parent.table(), t.oldName()), baseType(a.after().column(t.newName()).orElseThrow()));
        }
        Map<TableName, List<String>> childAlters = new LinkedHashMap<>();
        for (ForeignKey fk : fks) {
            for (int i = 0; i < fk.parentColumns().size(); i++) {
                String type = newTypes.get(key(fk.parent(), fk.parentColumns().get(i)));
                if (type == null) {
                    continue;
                }
                String childColumn = fk.childColumns().get(i);
                newTypes.put(key(fk.child(), childColumn), type);
                childAlters.computeIfAbsent(fk.child(), k -> new ArrayList<>())
                        .add(modify(column(tables, fk.child(), childColumn), type));
            }
        }
        MigrationOptions childOptions = options.withCutover(CutoverMode.AUTO);
        List<Step> steps = new ArrayList<>();
        fks.forEach(fk -> steps.add(new Step.DropForeignKey(fk)));
        List<TableName> order = new ArrayList<>(childAlters.keySet());
        java.util.Collections.reverse(order); // grandchildren first: nothing references them any more
        for (TableName child : order) {
            steps.add(new Step.MigrateTable(child, String.join(", ", childAlters.get(child)), childOptions));
        }
        steps.add(new Step.MigrateTable(parent.table(), parent.clauses(), options));
        for (ForeignKey fk : fks) {
            steps.add(new Step.CheckOrphans(fk));
            steps.add(new Step.RestoreForeignKey(fk));
        }
        String name = parent.table().table() + "-" + a.typeChanges().stream().map(AlterAnalysis.TypeChange::oldName)
                .reduce((x, y) -> x + "-" + y).orElse("change");
        return new Plan(name, "ALTER " + parent.table() + " " + parent.clauses() + ", with the " + fks.size()
                + " foreign key(s) that reference the changed columns", steps);
    }

    private static void refuseCascades(List<ForeignKey> fks) {
        List<ForeignKey> cascading = fks.stream().filter(ForeignKey::cascades).toList();
        if (!cascading.isEmpty()) {
            throw new OscarException(ErrorCode.PREFLIGHT_FAILED, "foreign keys with cascading actions reference the changed"
                    + " columns (" + String.join(", ", cascading.stream().map(fk -> fk.name() + " on " + fk.child()
                    + " ON DELETE " + fk.onDelete() + " ON UPDATE " + fk.onUpdate()).toList()) + "): while they are dropped"
                    + " nothing would cascade, and the data would diverge silently. Change them to RESTRICT for the migration"
                    + " (and back afterwards), or run it while parents take no deletes or key updates and edit the plan");
        }
    }

    /** {@code MODIFY `c` bigint NOT NULL [DEFAULT x]}: the child column takes the parent's new type, keeps its own nullability. */
    private static String modify(Column c, String type) {
        StringBuilder sb = new StringBuilder("MODIFY ").append(Identifiers.quote(c.name())).append(' ').append(type)
                .append(c.nullable() ? " NULL" : " NOT NULL");
        if (c.defaultValue() != null && !c.defaultValue().equalsIgnoreCase("NULL")) {
            sb.append(" DEFAULT ").append(c.defaultValue());
        }
        return sb.toString();
    }

    /** The column's type without display width quirks it does not need: {@code bigint}, {@code bigint unsigned}. */
    private static String baseType(Column c) {
        return c.columnType();
    }

    private static Column column(Map<TableName, TableSchema> tables, TableName table, String column) {
        TableSchema t = tables.get(table);
        if (t == null) {
            throw new IllegalArgumentException("no schema given for " + table);
        }
        return t.column(column).orElseThrow(() -> new IllegalArgumentException(table + " has no column " + column));
    }

    private static String key(TableName t, String column) {
        return t + "." + column.toLowerCase();
    }
}
