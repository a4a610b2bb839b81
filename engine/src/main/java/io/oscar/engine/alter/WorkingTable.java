package io.oscar.engine.alter;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The table being altered, mutable while {@link ModelApplier} applies clauses one by one. Each column
 * remembers its origin (its name in the original table, null when added) so a type change or a rename
 * keeps the column's identity. Names are matched case-insensitively, as MySQL does.
 */
final class WorkingTable {

    /** A column of the table after the clauses applied so far, and its name before the ALTER. */
    record WorkColumn(Column column, String origin) {
        String name() {
            return column.name();
        }
    }

    private final TableSchema before;
    final List<WorkColumn> columns = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    String engine;
    String charset;
    String collation;
    boolean convertsCharset;
    final List<String> warnings = new ArrayList<>();

    WorkingTable(TableSchema before) {
        this.before = before;
        before.columns().forEach(c -> columns.add(new WorkColumn(c, c.name())));
        indexes.addAll(before.indexes());
        foreignKeys.addAll(before.foreignKeys());
        engine = before.engine();
        charset = before.charset();
        collation = before.collation();
    }

    TableSchema before() {
        return before;
    }

    int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (Names.same(columns.get(i).name(), name)) {
                return i;
            }
        }
        throw invalid("unknown column '" + name + "' in " + before.name() + " (columns: "
                + String.join(", ", columns.stream().map(WorkColumn::name).toList()) + ")");
    }

    boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> Names.same(c.name(), name));
    }

    WorkColumn column(String name) {
        return columns.get(columnIndex(name));
    }

    /** Inserts at the position given, or at the end (ADD) / in place (MODIFY, CHANGE) when none is given. */
    void place(WorkColumn column, ColumnDefinitions.Position position, int defaultIndex) {
        if (position.first()) {
            columns.add(0, column);
        } else if (position.after() != null) {
            columns.add(columnIndex(position.after()) + 1, column);
        } else {
            columns.add(Math.min(defaultIndex, columns.size()), column);
        }
    }

    /** Renames a column everywhere it is named: keys and foreign keys follow it. */
    void renameColumnReferences(String oldName, String newName) {
        UnaryOperator<String> rename = n -> Names.same(n, oldName) ? newName : n;
        indexes.replaceAll(ix -> new Index(ix.name(), ix.columns().stream().map(rename).toList(), ix.unique(), ix.primary()));
        foreignKeys.replaceAll(fk -> new ForeignKey(fk.name(), fk.child(), fk.childColumns().stream().map(rename).toList(),
                fk.parent(), fk.parentColumns(), fk.onDelete(), fk.onUpdate()));
    }

    /** MySQL removes a dropped column from every key; a key left without columns goes too. */
    void removeColumnFromKeys(String name) {
        List<Index> kept = new ArrayList<>();
        for (Index ix : indexes) {
            List<String> cols = ix.columns().stream().filter(c -> !Names.same(c, name)).toList();
            if (!cols.isEmpty()) {
                kept.add(cols.size() == ix.columns().size() ? ix : new Index(ix.name(), cols, ix.unique(), ix.primary()));
            }
        }
        indexes.clear();
        indexes.addAll(kept);
    }

    Index index(String name) {
        return indexes.stream().filter(ix -> Names.same(ix.name(), name)).findFirst()
                .orElseThrow(() -> invalid("no key named '" + name + "' in " + before.name() + " (keys: "
                        + String.join(", ", indexes.stream().map(Index::name).toList()) + ")"));
    }

    boolean hasIndex(String name) {
        return indexes.stream().anyMatch(ix -> Names.same(ix.name(), name));
    }

    ForeignKey foreignKey(String name) {
        return foreignKeys.stream().filter(fk -> Names.same(fk.name(), name)).findFirst().orElse(null);
    }

    /** MySQL's name for an unnamed key: its first column, then {@code col_2}, {@code col_3}... */
    String freshIndexName(String firstColumn) {
        String name = firstColumn;
        for (int n = 2; hasIndex(name); n++) {
            name = firstColumn + "_" + n;
        }
        return name;
    }

    /** InnoDB's name for an unnamed foreign key: {@code table_ibfk_N}, N one past the highest in use. */
    String freshForeignKeyName() {
        String prefix = before.name().table() + "_ibfk_";
        int max = 0;
        for (ForeignKey fk : foreignKeys) {
            if (fk.name().toLowerCase().startsWith(prefix.toLowerCase())) {
                try {
                    max = Math.max(max, Integer.parseInt(fk.name().substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // a hand-chosen name that merely looks generated
                }
            }
        }
        return prefix + (max + 1);
    }

    /** Primary key columns are NOT NULL whatever their definition says. */
    void enforcePrimaryKeyNotNull() {
        indexes.stream().filter(Index::primary).flatMap(ix -> ix.columns().stream()).forEach(name -> {
            int i = columnIndex(name);
            WorkColumn wc = columns.get(i);
            if (wc.column().nullable()) {
                Column c = wc.column();
                columns.set(i, new WorkColumn(new Column(c.name(), c.dataType(), c.columnType(), false, c.defaultValue(),
                        c.extra(), c.generationExpression(), c.charset(), c.collation()), wc.origin()));
            }
        });
    }

    /** What MySQL would refuse once all clauses are applied: keys or foreign keys on missing columns. */
    void validate() {
        for (Index ix : indexes) {
            ix.columns().forEach(c -> {
                if (!hasColumn(c)) {
                    throw invalid("key '" + ix.name() + "' names column '" + c + "', which the table no longer has");
                }
            });
        }
        for (ForeignKey fk : foreignKeys) {
            fk.childColumns().forEach(c -> {
                if (!hasColumn(c)) {
                    throw invalid("foreign key '" + fk.name() + "' uses column '" + c
                            + "': drop the foreign key in the same ALTER (DROP FOREIGN KEY " + fk.name() + ") or keep the column");
                }
            });
        }
        columns.stream().map(WorkColumn::column).filter(Column::autoIncrement)
                .filter(c -> indexes.stream().noneMatch(ix -> Names.same(ix.columns().get(0), c.name())))
                .forEach(c -> warnings.add("AUTO_INCREMENT column '" + c.name() + "' is no longer the first column of a key:"
                        + " the server refuses that (error 1075); keep a key that starts with it"));
        if (columns.isEmpty()) {
            throw invalid("the ALTER drops every column of " + before.name() + ": use DROP TABLE instead");
        }
    }

    TableSchema toSchema() {
        return new TableSchema(before.name(), engine, charset, collation, columns.stream().map(WorkColumn::column).toList(),
                indexes, foreignKeys, before.referencedBy(), before.triggers(), before.rowEstimate(), before.dataBytes(),
                before.partitioned());
    }

    static OscarException invalid(String message) {
        return new OscarException(ErrorCode.INVALID_ALTER, message);
    }
}
