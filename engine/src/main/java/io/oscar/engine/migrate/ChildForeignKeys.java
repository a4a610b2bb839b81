package io.oscar.engine.migrate;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.Identifiers;
import io.oscar.engine.sql.PlanSql;
import io.oscar.engine.sql.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The foreign keys the migrated table declares (it is the child). {@code CREATE TABLE ... LIKE} drops
 * them and FK names are unique per schema, so the ghost gets each one under a temporary name; after the
 * swap the original names come back (drop from the old table, then drop + add on the new one at
 * foreign_key_checks=0, which checks no rows: the keys were enforced all along under the temporary names).
 */
final class ChildForeignKeys {
    private final List<ForeignKey> keys;
    private final String table;

    ChildForeignKeys(AlterAnalysis analysis) {
        this.table = analysis.before().name().toString();
        this.keys = analysis.before().foreignKeys().stream()
                .filter(fk -> analysis.droppedForeignKeys().stream().noneMatch(d -> d.name().equalsIgnoreCase(fk.name())))
                .map(fk -> mapColumns(fk, analysis))
                .toList();
    }

    private static ForeignKey mapColumns(ForeignKey fk, AlterAnalysis a) {
        List<String> cols = fk.childColumns().stream().map(c -> a.columnMapping().newNameOf(c).orElse(c)).toList();
        return new ForeignKey(fk.name(), fk.child(), cols, fk.parent(), fk.parentColumns(), fk.onDelete(), fk.onUpdate());
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Adds every key to the (empty) ghost under its temporary name. */
    void addToGhost(StatementRunner runner, TableName ghost) {
        for (ForeignKey fk : keys) {
            runner.update(SqlStatement.of(ghost.table() + " foreign key", "ALTER TABLE " + ghost.quoted() + " ADD "
                    + definition(temporaryName(fk.name()), fk)));
        }
    }

    /** After the swap: the original names back on the new table; the old table loses its copies. */
    void restoreNames(StatementRunner runner, TableName table, TableName old, boolean oldDropped) {
        if (keys.isEmpty()) {
            return;
        }
        runner.update(SqlStatement.of(table.table() + " fk names", "SET SESSION foreign_key_checks = 0"));
        try {
            for (ForeignKey fk : keys) {
                if (!oldDropped) {
                    runner.update(SqlStatement.of(old.table() + " fk names", "ALTER TABLE " + old.quoted()
                            + " DROP FOREIGN KEY " + Identifiers.quote(fk.name())));
                }
                runner.update(SqlStatement.of(table.table() + " fk names", "ALTER TABLE " + table.quoted()
                        + " DROP FOREIGN KEY " + Identifiers.quote(temporaryName(fk.name())) + ", ADD " + definition(fk.name(), fk)));
            }
        } finally {
            runner.update(SqlStatement.of(table.table() + " fk names", "SET SESSION foreign_key_checks = 1"));
        }
    }

    private static String definition(String name, ForeignKey fk) {
        return "CONSTRAINT " + Identifiers.quote(name) + " FOREIGN KEY (" + Identifiers.list(fk.childColumns()) + ") REFERENCES "
                + fk.parent().quoted() + " (" + Identifiers.list(fk.parentColumns()) + ")" + PlanSql.actions(fk);
    }

    /** {@code _name_oscar}, shortened with a hash when it would pass 64 characters. */
    static String temporaryName(String name) {
        String t = "_" + name + "_oscar";
        if (t.length() <= 64) {
            return t;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return "_" + name.substring(0, 45) + "_" + Long.toHexString(crc.getValue()) + "_oscar";
    }

    @Override
    public String toString() {
        return table + " " + keys.stream().map(ForeignKey::name).toList();
    }
}
