package io.oscar.engine.binlog

import io.oscar.engine.schema.Column
import io.oscar.engine.schema.Index
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import io.oscar.testkit.SqlClient

/** Reads a TableSchema from information_schema, as much as the binlog streamer needs (until the Inspector exists). */
class TestSchemas {
    static TableSchema read(SqlClient sql, String schema, String table) {
        def columns = sql.rows('''SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,
                GENERATION_EXPRESSION, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION''', schema, table).collect {
            new Column(it.COLUMN_NAME as String, it.DATA_TYPE as String, it.COLUMN_TYPE as String, it.IS_NULLABLE == 'YES',
                    it.COLUMN_DEFAULT as String, it.EXTRA as String, it.GENERATION_EXPRESSION as String,
                    it.CHARACTER_SET_NAME as String, it.COLLATION_NAME as String)
        }
        def pk = sql.rows('''SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
                AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX''', schema, table).collect { it.COLUMN_NAME as String }
        def indexes = pk ? [new Index('PRIMARY', pk, true, true)] : []
        new TableSchema(new TableName(schema, table), 'InnoDB', 'utf8mb4', 'utf8mb4_general_ci', columns, indexes,
                [], [], [], 0, 0, false)
    }
}
