package io.oscar.engine.inspect;

import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a table's keys from information_schema.STATISTICS: PRIMARY first, then by name, each with
 * its columns in key order (names sorted in Java: the server's collation order differs between servers). A prefix length ({@code KEY (c(5))}) is not kept: the key is on {@code c}.
 */
final class IndexReader {
    /** MySQL 8 functional key parts have no column name; they are listed under this placeholder. */
    static final String EXPRESSION_PART = "(expression)";

    private record Part(String index, boolean unique, String column) {
    }

    private final SqlReader sql;

    IndexReader(SqlReader sql) {
        this.sql = sql;
    }

    List<Index> read(TableName name) {
        List<Part> parts = sql.list("the indexes of " + name, """
                SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
                ORDER BY INDEX_NAME, SEQ_IN_INDEX""",
                rs -> new Part(rs.getString(1), rs.getInt(2) == 0,
                        rs.getString(3) == null ? EXPRESSION_PART : rs.getString(3)),
                name.schema(), name.table());
        Map<String, List<Part>> byIndex = new LinkedHashMap<>();
        for (Part p : parts) {
            byIndex.computeIfAbsent(p.index(), k -> new ArrayList<>()).add(p);
        }
        List<Index> out = new ArrayList<>();
        byIndex.forEach((index, ps) -> out.add(new Index(index, ps.stream().map(Part::column).toList(),
                ps.get(0).unique(), index.equals(Index.PRIMARY))));
        out.sort(Comparator.comparing((Index i) -> !i.primary()).thenComparing(Index::name));
        return out;
    }
}
