package io.oscar.engine.sql;

/**
 * The verification's read views: a session in REPEATABLE READ, a consistent snapshot opened in it (every
 * later read in the session sees the data as of that moment) and ended.
 */
public final class SnapshotSql {
    private SnapshotSql() {
    }

    public static SqlStatement repeatableRead(String table) {
        return SqlStatement.of(table + " verify session", "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }

    public static SqlStatement begin(String table) {
        return SqlStatement.of(table + " verify snapshot", "START TRANSACTION WITH CONSISTENT SNAPSHOT");
    }

    public static SqlStatement end(String table) {
        return SqlStatement.of(table + " verify snapshot end", "COMMIT");
    }
}
