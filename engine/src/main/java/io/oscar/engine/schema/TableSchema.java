package io.oscar.engine.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table's structure and size as oscar needs it to plan a migration.
 *
 * @param foreignKeys FKs this table declares (it is the child: "parents" it references)
 * @param referencedBy FKs of other tables that reference this one (it is the parent), direct children only
 * @param rowEstimate  the server's estimate (information_schema.TABLES.TABLE_ROWS)
 * @param dataBytes    data + index length
 * @param partitioned  whether the table is partitioned
 */
public record TableSchema(TableName name, String engine, String charset, String collation, List<Column> columns,
                          List<Index> indexes, List<ForeignKey> foreignKeys, List<ForeignKey> referencedBy,
                          List<Trigger> triggers, long rowEstimate, long dataBytes, boolean partitioned) {

    public TableSchema {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        referencedBy = List.copyOf(referencedBy);
        triggers = List.copyOf(triggers);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Index> primaryKey() {
        return indexes.stream().filter(Index::primary).findFirst();
    }

    /** Primary and unique keys, primary first. */
    public List<Index> uniqueKeys() {
        return indexes.stream().filter(Index::unique)
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary())).toList();
    }

    /** Whether every column of the key is NOT NULL. */
    public boolean notNull(Index key) {
        return key.columns().stream().allMatch(c -> column(c).map(col -> !col.nullable()).orElse(false));
    }

    /** A copy with other columns and keys: the table after an ALTER, same name and statistics. */
    public TableSchema withStructure(List<Column> newColumns, List<Index> newIndexes, List<ForeignKey> newForeignKeys) {
        return new TableSchema(name, engine, charset, collation, newColumns, newIndexes, newForeignKeys, referencedBy,
                triggers, rowEstimate, dataBytes, partitioned);
    }
}
