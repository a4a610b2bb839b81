package io.oscar.engine.inspect;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a table's row in information_schema.TABLES (engine, collation, size, partitioning), the
 * schema and table lists for tab completion, and explains a missing table with similar names.
 * Names are sorted in Java (binary order), not by the server: information_schema's collation differs
 * between servers ({@code pairs} and {@code pair_refs} swap places).
 */
final class TableReader {
    /** Schemas that belong to the server, not to applications: never offered for completion. */
    private static final String SYSTEM_SCHEMA_LIST = "'mysql', 'information_schema', 'performance_schema', 'sys'";
    /** MariaDB also has SYSTEM VERSIONED (and SEQUENCE, which is not a table oscar migrates). */
    private static final String TABLE_TYPES = "('BASE TABLE', 'SYSTEM VERSIONED')";
    private static final int MAX_SUGGESTIONS = 5;

    /**
     * @param charset derived from the collation: a collation name starts with its character set's
     *                name, and character set names contain no underscore (also true of MariaDB 11's
     *                {@code utf8mb4_uca1400_ai_ci}, whose COLLATION_CHARACTER_SET_APPLICABILITY row differs)
     */
    record TableInfo(String type, String engine, String charset, String collation, long rowEstimate,
                     long dataBytes, boolean partitioned) {
    }

    private final SqlReader sql;

    TableReader(SqlReader sql) {
        this.sql = sql;
    }

    /** The table's row; {@link ErrorCode#TABLE_NOT_FOUND} (with suggestions) when there is none or it is a view. */
    TableInfo read(TableName name) {
        List<TableInfo> rows = sql.list("the table status of " + name, """
                SELECT TABLE_TYPE, ENGINE, TABLE_COLLATION, TABLE_ROWS, DATA_LENGTH, INDEX_LENGTH, CREATE_OPTIONS
                FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?""",
                rs -> new TableInfo(rs.getString(1), rs.getString(2), charsetOf(rs.getString(3)), rs.getString(3),
                        rs.getLong(4), rs.getLong(5) + rs.getLong(6), isPartitioned(rs.getString(7))),
                name.schema(), name.table());
        if (rows.isEmpty()) {
            throw notFound(name);
        }
        TableInfo info = rows.get(0);
        if (!info.type().equals("BASE TABLE") && !info.type().equals("SYSTEM VERSIONED")) {
            throw new OscarException(ErrorCode.TABLE_NOT_FOUND, name + " on " + sql.server() + " is a "
                    + info.type().toLowerCase(Locale.ROOT) + ", not a table; oscar migrates base tables only");
        }
        return info;
    }

    List<String> schemas() {
        return sql.list("the list of schemas", "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME NOT IN (" + SYSTEM_SCHEMA_LIST + ")", rs -> rs.getString(1))
                .stream().sorted().toList();
    }

    List<String> tables(String schema) {
        return sql.list("the tables of schema " + schema, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN " + TABLE_TYPES,
                rs -> rs.getString(1), schema).stream().sorted().toList();
    }

    static String charsetOf(String collation) {
        if (collation == null) {
            return null;
        }
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }

    /** CREATE_OPTIONS says {@code partitioned} on MySQL 5.7/8.x and MariaDB alike. */
    private static boolean isPartitioned(String createOptions) {
        return createOptions != null && createOptions.toLowerCase(Locale.ROOT).contains("partitioned");
    }

    private OscarException notFound(TableName name) {
        List<String> schemas = schemas();
        if (!schemas.contains(name.schema())) {
            return new OscarException(ErrorCode.TABLE_NOT_FOUND, "schema " + name.schema() + " does not exist on "
                    + sql.server() + hint(SimilarNames.suggest(name.schema(), schemas, MAX_SUGGESTIONS)));
        }
        List<String> similar = new ArrayList<>(SimilarNames.suggest(name.table(), tables(name.schema()), MAX_SUGGESTIONS));
        similar.addAll(sameTableElsewhere(name));
        return new OscarException(ErrorCode.TABLE_NOT_FOUND, "table " + name.table() + " does not exist in schema "
                + name.schema() + " on " + sql.server() + hint(similar));
    }

    private List<String> sameTableElsewhere(TableName name) {
        return sql.list("tables named " + name.table(), "SELECT CONCAT(TABLE_SCHEMA, '.', TABLE_NAME)"
                        + " FROM information_schema.TABLES WHERE TABLE_NAME = ? AND TABLE_SCHEMA <> ?"
                        + " AND TABLE_SCHEMA NOT IN (" + SYSTEM_SCHEMA_LIST + ") ORDER BY 1 LIMIT " + MAX_SUGGESTIONS,
                rs -> rs.getString(1), name.table(), name.schema());
    }

    private static String hint(List<String> similar) {
        return similar.isEmpty() ? "; check the name (schema.table)" : "; did you mean " + String.join(", ", similar) + "?";
    }
}
