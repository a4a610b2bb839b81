package io.oscar.engine.inspect;

import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads foreign keys in both directions from information_schema.KEY_COLUMN_USAGE (columns in key
 * order) joined to REFERENTIAL_CONSTRAINTS (ON DELETE / ON UPDATE rules), and walks the tree of
 * tables that reference a table. FK names are unique per schema, so a key is (child schema, name).
 */
final class ForeignKeyReader {
    private static final String SELECT = """
            SELECT k.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME, k.COLUMN_NAME,
                   k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
                   rc.DELETE_RULE, rc.UPDATE_RULE
            FROM information_schema.KEY_COLUMN_USAGE k
            JOIN information_schema.REFERENTIAL_CONSTRAINTS rc
              ON rc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME
             AND rc.TABLE_NAME = k.TABLE_NAME
            WHERE k.REFERENCED_TABLE_NAME IS NOT NULL AND\s""";
    private static final String ORDER = " ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

    /** Orders a referencing tree: depth first, then FK name, then the child table (names may repeat across schemas). */
    private record Found(int depth, ForeignKey fk) {
    }

    /** One row of KEY_COLUMN_USAGE: one column pair of a key. */
    private record Part(String name, TableName child, String childColumn, TableName parent, String parentColumn,
                        String onDelete, String onUpdate) {
    }

    private final SqlReader sql;

    ForeignKeyReader(SqlReader sql) {
        this.sql = sql;
    }

    /** The FKs this table declares (it is the child), by name. */
    List<ForeignKey> declaredBy(TableName child) {
        return read("the foreign keys of " + child, "k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ?", child);
    }

    /**
     * The FKs of any table, in any schema, that reference this one (it is the parent), by child table
     * then name; a self-reference included.
     */
    List<ForeignKey> referencing(TableName parent) {
        return read("the foreign keys that reference " + parent,
                "k.REFERENCED_TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME = ?", parent);
    }

    /**
     * Every FK that references {@code root}, then those that reference its children, and so on. Each
     * table is expanded once, so cycles (self-references, A -> B -> A) end; each FK is listed once,
     * at the depth it was first met.
     */
    List<ForeignKey> referencingTree(TableName root) {
        List<Found> found = new ArrayList<>();
        Set<TableName> expanded = new HashSet<>(Set.of(root));
        Set<String> seen = new HashSet<>();
        List<TableName> level = List.of(root);
        for (int depth = 1; !level.isEmpty(); depth++) {
            List<TableName> next = new ArrayList<>();
            for (TableName parent : level) {
                for (ForeignKey fk : referencing(parent)) {
                    if (seen.add(fk.child().schema() + "." + fk.name())) {
                        found.add(new Found(depth, fk));
                    }
                    if (expanded.add(fk.child())) {
                        next.add(fk.child());
                    }
                }
            }
            level = next;
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Found::depth)
                        .thenComparing(f -> f.fk().name())
                        .thenComparing(f -> f.fk().child()))
                .map(Found::fk)
                .toList();
    }

    /** Every foreign key on the server outside the system schemas: a snapshot for plan scripts. */
    List<ForeignKey> all() {
        return group(sql.list("every foreign key", SELECT
                + "k.TABLE_SCHEMA NOT IN ('mysql', 'sys', 'performance_schema', 'information_schema')" + ORDER, ForeignKeyReader::part));
    }

    private List<ForeignKey> read(String what, String where, TableName table) {
        return group(sql.list(what, SELECT + where + ORDER, ForeignKeyReader::part, table.schema(), table.table()));
    }

    private static List<ForeignKey> group(List<Part> parts) {
        Map<String, List<Part>> byKey = new LinkedHashMap<>();
        for (Part p : parts) {
            byKey.computeIfAbsent(p.child() + "." + p.name(), k -> new ArrayList<>()).add(p);
        }
        return byKey.values().stream().map(ForeignKeyReader::foreignKey)
                .sorted(Comparator.comparing(ForeignKey::child).thenComparing(ForeignKey::name))
                .toList();
    }

    private static Part part(ResultSet rs) throws SQLException {
        return new Part(rs.getString(1), new TableName(rs.getString(2), rs.getString(3)), rs.getString(4),
                new TableName(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static ForeignKey foreignKey(List<Part> parts) {
        Part first = parts.get(0);
        return new ForeignKey(first.name(), first.child(), parts.stream().map(Part::childColumn).toList(),
                first.parent(), parts.stream().map(Part::parentColumn).toList(), first.onDelete(), first.onUpdate());
    }
}
