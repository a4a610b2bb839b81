package io.oscar.engine.binlog

import io.oscar.engine.schema.TableSchema
import io.oscar.testkit.SqlClient

/**
 * The tiny applier of the binlog ITs: replays RowChanges onto a copy table with bound parameters,
 * by primary key. Its session runs in UTC, as ColumnDecoder renders TIMESTAMP values in UTC.
 */
class ChangeApplier {
    final SqlClient sql
    final TableSchema schema
    final String target

    ChangeApplier(SqlClient sql, TableSchema schema, String target) {
        this.sql = sql
        this.schema = schema
        this.target = target
        sql.execute("SET time_zone = '+00:00'")
    }

    void apply(List<RowChange> changes) {
        changes.each { apply(it) }
    }

    void apply(RowChange change) {
        def names = schema.columnNames()
        def cols = names.collect { "`${it}`" }.join(', ')
        def marks = names.collect { '?' }.join(', ')
        int pk = names.indexOf(schema.primaryKey().get().columns()[0])
        switch (change.kind()) {
            case RowChange.Kind.INSERT:
                sql.execute("INSERT INTO `${target}` (${cols}) VALUES (${marks})".toString(), change.after())
                break
            case RowChange.Kind.UPDATE:
                sql.execute("DELETE FROM `${target}` WHERE `${names[pk]}` = ?".toString(), change.before()[pk])
                sql.execute("REPLACE INTO `${target}` (${cols}) VALUES (${marks})".toString(), change.after())
                break
            case RowChange.Kind.DELETE:
                sql.execute("DELETE FROM `${target}` WHERE `${names[pk]}` = ?".toString(), change.before()[pk])
                break
        }
    }
}
