package io.oscar.engine.alter;

import io.oscar.engine.alter.AlterAnalysis.TypeChange;
import io.oscar.engine.alter.WorkingTable.WorkColumn;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.ColumnMapping;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the original table with the working table after all clauses: columns by identity (a
 * column keeps its identity through MODIFY, CHANGE and RENAME), keys and foreign keys by name and
 * columns (mapped through renames).
 */
final class AlterDiff {

    private AlterDiff() {
    }

    static AlterAnalysis diff(WorkingTable work, String clauses) {
        TableSchema before = work.before();
        TableSchema after = work.toSchema();
        Map<String, String> renames = renames(work);
        return new AlterAnalysis(before, after, clauses, mapping(work), added(work), dropped(work), renamedOnly(renames),
                typeChanges(work), keysOnlyIn(before.indexes(), after.indexes(), renames, true),
                keysOnlyIn(after.indexes(), before.indexes(), renames, false),
                foreignKeysOnlyIn(before.foreignKeys(), after.foreignKeys(), renames, true),
                foreignKeysOnlyIn(after.foreignKeys(), before.foreignKeys(), renames, false),
                work.convertsCharset, work.warnings);
    }

    static ColumnMapping mapping(WorkingTable work) {
        List<ColumnMapping.Pair> pairs = new ArrayList<>();
        for (WorkColumn wc : work.columns) {
            if (wc.origin() == null || wc.column().generated()) {
                continue;
            }
            Column old = work.before().column(wc.origin()).orElseThrow();
            if (!old.generated()) {
                pairs.add(new ColumnMapping.Pair(old.name(), wc.name()));
            }
        }
        return new ColumnMapping(pairs);
    }

    /** Every kept original column: old name to new name (lower-case keys for lookups). */
    private static Map<String, String> renames(WorkingTable work) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Column c : work.before().columns()) {
            work.columns.stream().filter(wc -> Names.same(wc.origin(), c.name())).findFirst()
                    .ifPresent(wc -> out.put(c.name(), wc.name()));
        }
        return out;
    }

    private static Map<String, String> renamedOnly(Map<String, String> renames) {
        Map<String, String> out = new LinkedHashMap<>();
        renames.forEach((o, n) -> {
            if (!o.equals(n)) {
                out.put(o, n);
            }
        });
        return out;
    }

    private static List<String> added(WorkingTable work) {
        return work.columns.stream().filter(wc -> wc.origin() == null).map(WorkColumn::name).toList();
    }

    private static List<String> dropped(WorkingTable work) {
        return work.before().columns().stream().map(Column::name)
                .filter(n -> work.columns.stream().noneMatch(wc -> Names.same(wc.origin(), n))).toList();
    }

    private static List<TypeChange> typeChanges(WorkingTable work) {
        List<TypeChange> out = new ArrayList<>();
        for (WorkColumn wc : work.columns) {
            if (wc.origin() == null) {
                continue;
            }
            Column old = work.before().column(wc.origin()).orElseThrow();
            if (!ColumnDefinitions.sameType(old.columnType(), wc.column().columnType())) {
                out.add(new TypeChange(old.name(), wc.name(), old.columnType(), wc.column().columnType()));
            }
        }
        return out;
    }

    /** Keys of {@code from} with no key of the same name and columns in {@code other}. */
    private static List<Index> keysOnlyIn(List<Index> from, List<Index> other, Map<String, String> renames, boolean fromOld) {
        return from.stream().filter(k -> other.stream().noneMatch(o -> {
            Index oldKey = fromOld ? k : o;
            Index newKey = fromOld ? o : k;
            return Names.same(oldKey.name(), newKey.name()) && oldKey.primary() == newKey.primary()
                    && oldKey.unique() == newKey.unique()
                    && lower(map(oldKey.columns(), renames)).equals(lower(newKey.columns()));
        })).toList();
    }

    private static List<ForeignKey> foreignKeysOnlyIn(List<ForeignKey> from, List<ForeignKey> other,
                                                      Map<String, String> renames, boolean fromOld) {
        return from.stream().filter(k -> other.stream().noneMatch(o -> {
            ForeignKey oldKey = fromOld ? k : o;
            ForeignKey newKey = fromOld ? o : k;
            return Names.same(oldKey.name(), newKey.name()) && Objects.equals(oldKey.parent(), newKey.parent())
                    && lower(oldKey.parentColumns()).equals(lower(newKey.parentColumns()))
                    && lower(map(oldKey.childColumns(), renames)).equals(lower(newKey.childColumns()))
                    && Objects.equals(oldKey.onDelete(), newKey.onDelete())
                    && Objects.equals(oldKey.onUpdate(), newKey.onUpdate());
        })).toList();
    }

    /** Old column names as the new table calls them; a dropped column keeps its old name (it matches nothing). */
    static List<String> map(List<String> oldColumns, Map<String, String> renames) {
        return oldColumns.stream().map(c -> renames.entrySet().stream().filter(e -> Names.same(e.getKey(), c))
                .map(Map.Entry::getValue).findFirst().orElse("\u0000dropped:" + c)).toList();
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(String::toLowerCase).toList();
    }
}
