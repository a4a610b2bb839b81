package io.oscar.engine.alter;

import io.oscar.engine.alter.ColumnDefinitions.ColumnSpec;
import io.oscar.engine.alter.ColumnDefinitions.TableDefaults;
import io.oscar.engine.alter.WorkingTable.WorkColumn;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableName;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;

import java.util.List;
import java.util.Locale;

import static io.oscar.engine.alter.WorkingTable.invalid;

/**
 * Applies one parsed clause at a time to a {@link WorkingTable}, the way MySQL would. Only clauses that
 * {@link ClausePolicy} let through reach it. What MySQL would reject (unknown column, duplicate key
 * name, second primary key) is rejected here too, with the server's reason in words.
 */
final class ModelApplier {

    private final WorkingTable t;

    ModelApplier(WorkingTable table) {
        this.t = table;
    }

    void apply(AlterExpression e, String clause) {
        switch (e.getOperation()) {
            case ADD -> add(e, clause);
            case ALTER -> alterColumn(e, clause);
            case DROP -> drop(e, clause);
            case DROP_PRIMARY_KEY -> dropPrimaryKey();
            case DROP_FOREIGN_KEY -> dropForeignKey(Names.unquote(e.getPkColumns().get(0)));
            case MODIFY -> redefine(e.getColDataTypeList().get(0), null);
            case CHANGE -> redefine(e.getColDataTypeList().get(0), Names.unquote(e.getColumnOldName()));
            case RENAME -> renameColumn(Names.unquote(e.getColumnOldName()), Names.unquote(e.getColumnName()));
            case RENAME_INDEX, RENAME_KEY -> renameIndex(Names.unquote(e.getOldIndex().getName()),
                    Names.unquote(e.getIndex().getName()));
            case CONVERT -> convert(e);
            case COLLATE -> t.collation = lower(e.getCollation());
            case ENGINE -> t.engine = Names.unquote(e.getEngineOption());
            case UNSPECIFIC -> tableOption(e.getOptionalSpecifier());
            default -> {
                // COMMENT, FORCE, AUTO_INCREMENT=, KEY_BLOCK_SIZE: nothing the model describes
            }
        }
    }

    private void add(AlterExpression e, String clause) {
        if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
            e.getColDataTypeList().forEach(def -> addColumn(def, e.isUseIfNotExists()));
        } else if (e.getIndex() instanceof ForeignKeyIndex fk) {
            addForeignKey(fk);
        } else if (e.getIndex() instanceof CheckConstraint) {
            t.warnings.add("CHECK constraint added: the copy fails if an existing row violates it (" + clause + ")");
        } else if (e.getIndex() != null && isPrimary(e)) {
            addPrimaryKey(indexColumns(e.getIndex()));
        } else if (e.getIndex() != null) {
            addIndex(indexName(e), indexColumns(e.getIndex()), isUnique(e));
        } else {
            throw invalid("oscar cannot read '" + clause + "' as an ADD clause");
        }
    }

    private void addColumn(ColumnDefinition def, boolean ifNotExists) {
        ColumnSpec spec = ColumnDefinitions.read(def, defaults());
        String name = spec.column().name();
        if (t.hasColumn(name)) {
            if (ifNotExists) {
                t.warnings.add("column '" + name + "' exists already: ADD COLUMN IF NOT EXISTS does nothing");
                return;
            }
            throw invalid("duplicate column '" + name + "': " + t.before().name() + " has it already");
        }
        t.place(new WorkColumn(spec.column(), null), spec.position(), t.columns.size());
        addInlineKeys(spec, name);
    }

    /** MODIFY (oldName null) or CHANGE: the column is redefined in full, keeping its identity. */
    private void redefine(ColumnDefinition def, String oldName) {
        ColumnSpec spec = ColumnDefinitions.read(def, defaults());
        int i = t.columnIndex(oldName != null ? oldName : spec.column().name());
        WorkColumn current = t.columns.remove(i);
        String newName = oldName != null ? spec.column().name() : current.name();
        if (!Names.same(newName, current.name()) && t.hasColumn(newName)) {
            throw invalid("cannot rename '" + current.name() + "' to '" + newName + "': the table has a column of that name");
        }
        warnLostAttributes(current.column(), spec.column());
        t.place(new WorkColumn(spec.column().renamed(newName), current.origin()), spec.position(), i);
        if (!newName.equals(current.name())) {
            t.renameColumnReferences(current.name(), newName);
        }
        addInlineKeys(spec, newName);
    }

    /** MODIFY and CHANGE redefine the column in full: what is not restated is lost, which is easy to miss. */
    private void warnLostAttributes(Column old, Column redefined) {
        String name = old.name();
        if (old.autoIncrement() && !redefined.autoIncrement()) {
            t.warnings.add("column '" + name + "' loses AUTO_INCREMENT: MODIFY/CHANGE redefines the column in full; "
                    + "restate AUTO_INCREMENT to keep it");
        }
        if (old.defaultValue() != null && redefined.defaultValue() == null) {
            t.warnings.add("column '" + name + "' loses its default " + old.defaultValue()
                    + ": MODIFY/CHANGE redefines the column in full; restate DEFAULT to keep it");
        }
        if (!old.nullable() && redefined.nullable()) {
            t.warnings.add("column '" + name + "' becomes nullable: MODIFY/CHANGE without NOT NULL allows NULL");
        }
    }

    private void addInlineKeys(ColumnSpec spec, String name) {
        if (spec.primaryKey()) {
            addPrimaryKey(List.of(name));
        }
        if (spec.uniqueKey()) {
            addIndex(null, List.of(name), true);
        }
        spec.ignored().forEach(word -> t.warnings.add("column '" + name + "': the model ignores '" + word
                + "' (the server applies it to the ghost table)"));
    }

    private void alterColumn(AlterExpression e, String clause) {
        if (e.getColumnSetDefaultList() != null && !e.getColumnSetDefaultList().isEmpty()) {
            e.getColumnSetDefaultList().forEach(d -> setDefault(Names.unquote(d.getColumnName()), defaultText(d)));
        } else if (e.getColumnDropDefaultList() != null && !e.getColumnDropDefaultList().isEmpty()) {
            e.getColumnDropDefaultList().forEach(d -> setDefault(Names.unquote(d.getColumnName()), null));
        } else if (e.getColumnSetVisibilityList() == null || e.getColumnSetVisibilityList().isEmpty()) {
            throw invalid("oscar cannot read '" + clause + "': ALTER COLUMN supports SET DEFAULT, DROP DEFAULT, SET VISIBLE/INVISIBLE");
        }
    }

    private static String defaultText(AlterExpression.ColumnSetDefault d) {
        String v = d.getDefaultValue() != null ? d.getDefaultValue() : String.valueOf(d.getDefaultExpression());
        return v.equalsIgnoreCase("NULL") ? null : v;
    }

    private void setDefault(String column, String value) {
        int i = t.columnIndex(column);
        WorkColumn wc = t.columns.get(i);
        Column c = wc.column();
        t.columns.set(i, new WorkColumn(new Column(c.name(), c.dataType(), c.columnType(), c.nullable(), value, c.extra(),
                c.generationExpression(), c.charset(), c.collation()), wc.origin()));
    }

    private void drop(AlterExpression e, String clause) {
        if (e.getIndex() != null) {
            String name = Names.unquote(e.getIndex().getName());
            if (Names.same(name, Index.PRIMARY)) {
                dropPrimaryKey();
            } else {
                t.indexes.remove(t.index(name));
            }
        } else if (e.getConstraintName() != null) {
            dropConstraint(Names.unquote(e.getConstraintName()));
        } else if (e.getColumnName() != null) {
            dropColumn(Names.unquote(e.getColumnName()), e.isUsingIfExists());
        } else {
            throw invalid("oscar cannot read '" + clause + "' as a DROP clause");
        }
    }

    private void dropColumn(String name, boolean ifExists) {
        if (ifExists && !t.hasColumn(name)) {
            t.warnings.add("column '" + name + "' does not exist: DROP COLUMN IF EXISTS does nothing");
            return;
        }
        t.columns.remove(t.columnIndex(name));
        t.removeColumnFromKeys(name);
    }

    /** DROP CONSTRAINT names a foreign key or a unique key (MySQL 8.0.19+, MariaDB). */
    private void dropConstraint(String name) {
        if (t.foreignKey(name) != null) {
            dropForeignKey(name);
        } else if (t.hasIndex(name)) {
            t.indexes.remove(t.index(name));
        } else {
            throw invalid("no foreign key or key named '" + name + "' in " + t.before().name());
        }
    }

    private void dropPrimaryKey() {
        Index pk = t.indexes.stream().filter(Index::primary).findFirst()
                .orElseThrow(() -> invalid(t.before().name() + " has no primary key to drop"));
        t.indexes.remove(pk);
    }

    private void dropForeignKey(String name) {
        ForeignKey fk = t.foreignKey(name);
        if (fk == null) {
            throw invalid("no foreign key named '" + name + "' in " + t.before().name() + " (foreign keys: "
                    + String.join(", ", t.foreignKeys.stream().map(ForeignKey::name).toList()) + ")");
        }
        t.foreignKeys.remove(fk);
    }

    private void renameColumn(String oldName, String newName) {
        int i = t.columnIndex(oldName);
        WorkColumn wc = t.columns.get(i);
        if (!Names.same(oldName, newName) && t.hasColumn(newName)) {
            throw invalid("cannot rename '" + oldName + "' to '" + newName + "': the table has a column of that name");
        }
        t.columns.set(i, new WorkColumn(wc.column().renamed(newName), wc.origin()));
        t.renameColumnReferences(wc.name(), newName);
    }

    private void renameIndex(String oldName, String newName) {
        Index ix = t.index(oldName);
        if (ix.primary() || Names.same(newName, Index.PRIMARY)) {
            throw invalid("the primary key cannot be renamed");
        }
        if (!Names.same(oldName, newName) && t.hasIndex(newName)) {
            throw invalid("cannot rename key '" + oldName + "' to '" + newName + "': a key of that name exists");
        }
        t.indexes.set(t.indexes.indexOf(ix), new Index(newName, ix.columns(), ix.unique(), ix.primary()));
    }

    private void addPrimaryKey(List<String> columns) {
        if (t.indexes.stream().anyMatch(Index::primary)) {
            throw invalid("multiple primary keys: " + t.before().name()
                    + " has one already; drop it in the same ALTER (DROP PRIMARY KEY, ADD PRIMARY KEY (...))");
        }
        t.indexes.add(0, new Index(Index.PRIMARY, canonical(columns), true, true));
    }

    private void addIndex(String name, List<String> columns, boolean unique) {
        List<String> cols = canonical(columns);
        String keyName = name != null ? name : t.freshIndexName(cols.get(0));
        if (t.hasIndex(keyName)) {
            throw invalid("duplicate key name '" + keyName + "'");
        }
        t.indexes.add(new Index(keyName, cols, unique, false));
    }

    private void addForeignKey(ForeignKeyIndex fk) {
        String name = fk.getName() != null ? Names.unquote(fk.getName()) : t.freshForeignKeyName();
        if (t.foreignKey(name) != null) {
            throw invalid("duplicate foreign key name '" + name + "'");
        }
        List<String> cols = canonical(indexColumns(fk));
        String schema = fk.getTable().getSchemaName() != null ? Names.unquote(fk.getTable().getSchemaName())
                : t.before().name().schema();
        TableName parent = new TableName(schema, Names.unquote(fk.getTable().getName()));
        List<String> parentCols = fk.getReferencedColumnNames().stream().map(Names::unquote).toList();
        t.foreignKeys.add(new ForeignKey(name, t.before().name(), cols, parent, parentCols,
                action(fk.getOnDeleteReferenceOption()), action(fk.getOnUpdateReferenceOption())));
        boolean indexed = t.indexes.stream().anyMatch(ix -> ix.columns().size() >= cols.size()
                && ix.columns().subList(0, cols.size()).stream().map(String::toLowerCase).toList()
                .equals(cols.stream().map(String::toLowerCase).toList()));
        if (!indexed) {
            // InnoDB creates an index for an unindexed foreign key, named after the key
            String indexName = fk.getIndexName() != null ? Names.unquote(fk.getIndexName())
                    : fk.getName() != null ? name : cols.get(0);
            addIndex(t.hasIndex(indexName) ? null : indexName, cols, false);
        }
    }

    private static String action(String option) {
        return option == null ? "RESTRICT" : option.toUpperCase(Locale.ROOT);
    }

    private void convert(AlterExpression e) {
        String cs = lower(Names.unquote(e.getCharacterSet()));
        String coll = lower(Names.unquote(e.getCollation()));
        t.charset = cs;
        t.collation = coll;
        if (e.getConvertType() == AlterExpression.ConvertType.CONVERT_TO) {
            t.convertsCharset = true;
            t.columns.replaceAll(wc -> wc.column().charset() == null ? wc : new WorkColumn(withCharset(wc.column(), cs, coll),
                    wc.origin()));
            t.warnings.add("CONVERT TO CHARACTER SET " + cs + " rewrites every text column; the server may widen "
                    + "TEXT types (e.g. TEXT -> MEDIUMTEXT) to keep their length in characters");
        }
    }

    private static Column withCharset(Column c, String charset, String collation) {
        return new Column(c.name(), c.dataType(), c.columnType(), c.nullable(), c.defaultValue(), c.extra(),
                c.generationExpression(), charset, collation);
    }

    private void tableOption(String spec) {
        var options = ClausePolicy.tableOptions(spec);
        String cs = options.get("CHARSET");
        String coll = options.get("COLLATE");
        if (cs != null) {
            t.charset = lower(cs);
            t.collation = null;
        }
        if (coll != null) {
            t.collation = lower(coll);
        }
    }

    private TableDefaults defaults() {
        return new TableDefaults(t.charset, t.collation);
    }

    /** Column names as the table spells them (MySQL matches them case-insensitively). */
    private List<String> canonical(List<String> columns) {
        return columns.stream().map(c -> t.column(c).name()).toList();
    }

    private static List<String> indexColumns(net.sf.jsqlparser.statement.create.table.Index index) {
        return index.getColumnsNames().stream().map(Names::indexColumn).toList();
    }

    private static boolean isPrimary(AlterExpression e) {
        return e.getPkColumns() != null && !e.getPkColumns().isEmpty()
                || e.getIndex().getType() != null && e.getIndex().getType().toUpperCase(Locale.ROOT).contains("PRIMARY");
    }

    private static boolean isUnique(AlterExpression e) {
        return e.getUkColumns() != null && !e.getUkColumns().isEmpty() || e.getUk()
                || e.getIndex().getType() != null && e.getIndex().getType().toUpperCase(Locale.ROOT).contains("UNIQUE");
    }

    private static String indexName(AlterExpression e) {
        var ix = e.getIndex();
        String name = ix instanceof NamedConstraint nc && nc.getIndexName() != null ? nc.getIndexName() : ix.getName();
        return name == null ? null : Names.unquote(name);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
