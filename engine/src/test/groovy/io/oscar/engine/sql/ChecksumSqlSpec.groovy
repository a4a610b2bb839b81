package io.oscar.engine.sql

import io.oscar.engine.schema.TableName
import spock.lang.Specification

import static io.oscar.engine.sql.ColumnText.Form.*

class ChecksumSqlSpec extends Specification {
    static final TableName T = new TableName('try_osc', 'baseitem')
    static final TableName G = new TableName('try_osc', '_baseitem_gho')
    static final String COUNT = 'SELECT COUNT(*), BIT_XOR(CRC32('
    static final String ID = "IFNULL(LENGTH(`id`), 'N'), ':', IFNULL(`id`, ''), ','"
    static final String ID_G = "IFNULL(LENGTH(`item_id`), 'N'), ':', IFNULL(`item_id`, ''), ','"
    static final String NAME = "IFNULL(LENGTH(CONVERT(`name` USING utf8mb4)), 'N'), ':', IFNULL(CONVERT(`name` USING utf8mb4), ''), ','"

    def "#what"() {
        expect:
        statement.sql().replaceAll(/\s+/, ' ') == sql
        statement.args() == args
        statement.tag() == statement.sql().find(/^\/\* oscar (.*?) \*\//) { it[1] }

        where:
        what                          | statement                                                                                                        || sql | args
        'whole table (empty original)' | ChecksumSql.checksum(T, 'PRIMARY', ['id'], [ColumnText.of('id', AS_IS)], null, null)                            || "/* oscar baseitem checksum */ ${COUNT}CONCAT($ID))) FROM `try_osc`.`baseitem` FORCE INDEX (`PRIMARY`)" | []
        'first chunk'                 | ChecksumSql.checksum(T, 'PRIMARY', ['id'], [ColumnText.of('id', AS_IS), ColumnText.of('name', CHARACTERS)], null, [50]) || "/* oscar baseitem checksum */ ${COUNT}CONCAT($ID, $NAME))) FROM `try_osc`.`baseitem` FORCE INDEX (`PRIMARY`) WHERE `id` <= ?" | [50]
        'ghost side, renamed key'     | ChecksumSql.checksum(G, 'PRIMARY', ['item_id'], [ColumnText.of('item_id', AS_IS)], [50], [100])                 || "/* oscar _baseitem_gho checksum */ ${COUNT}CONCAT($ID_G))) FROM `try_osc`.`_baseitem_gho` FORCE INDEX (`PRIMARY`) WHERE `item_id` > ? AND `item_id` <= ?" | [50, 100]
        'beyond the last key'         | ChecksumSql.checksum(G, 'PRIMARY', ['item_id'], [ColumnText.of('item_id', AS_IS)], [1000], null)                || "/* oscar _baseitem_gho checksum */ ${COUNT}CONCAT($ID_G))) FROM `try_osc`.`_baseitem_gho` FORCE INDEX (`PRIMARY`) WHERE `item_id` > ?" | [1000]
        'rows by key'                 | ChecksumSql.checksumKeys(T, 'PRIMARY', ['id'], [ColumnText.of('id', AS_IS)], [[3] as Object[], [9] as Object[]]) || "/* oscar baseitem checksum rows */ ${COUNT}CONCAT($ID))) FROM `try_osc`.`baseitem` FORCE INDEX (`PRIMARY`) WHERE `id` IN (?, ?)" | [3, 9]
        'rows by composite key'       | ChecksumSql.checksumKeys(G, 'uk', ['a', 'b'], [ColumnText.of('a', AS_IS)], [[1, 'x'] as Object[], [2, 'y'] as Object[]]) || "/* oscar _baseitem_gho checksum rows */ ${COUNT}CONCAT(IFNULL(LENGTH(`a`), 'N'), ':', IFNULL(`a`, ''), ','))) FROM `try_osc`.`_baseitem_gho` FORCE INDEX (`uk`) WHERE (`a` = ? AND `b` = ?) OR (`a` = ? AND `b` = ?)" | [1, 'x', 2, 'y']
        're-copy by key: delete'      | CopySql.deleteKeys(G, ['item_id'], [[5] as Object[]])                                                            || "/* oscar _baseitem_gho re-copy */ DELETE FROM `try_osc`.`_baseitem_gho` WHERE `item_id` IN (?)" | [5]
        're-copy by key: copy'        | CopySql.copyKeys(T, G, 'PRIMARY', ['id'], ['id', 'name'], ['item_id', 'name'], [[5] as Object[], [6] as Object[]]) || "/* oscar baseitem re-copy */ INSERT IGNORE INTO `try_osc`.`_baseitem_gho` (`item_id`, `name`) SELECT `id`, `name` FROM `try_osc`.`baseitem` FORCE INDEX (`PRIMARY`) WHERE `id` IN (?, ?) LOCK IN SHARE MODE" | [5, 6]
        'snapshot: session'           | SnapshotSql.repeatableRead('baseitem')                                                                           || "/* oscar baseitem verify session */ SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ" | []
        'snapshot: begin'             | SnapshotSql.begin('baseitem')                                                                                    || "/* oscar baseitem verify snapshot */ START TRANSACTION WITH CONSISTENT SNAPSHOT" | []
        'snapshot: end'               | SnapshotSql.end('baseitem')                                                                                      || "/* oscar baseitem verify snapshot end */ COMMIT" | []
        'composite key'               | ChecksumSql.checksum(T, 'uk', ['a', 'at'], [ColumnText.of('a', AS_IS)], [1, '2026-01-01 00:00:00.5'], [2, '2026-01-02 00:00:00']) || "/* oscar baseitem checksum */ ${COUNT}CONCAT(IFNULL(LENGTH(`a`), 'N'), ':', IFNULL(`a`, ''), ','))) FROM `try_osc`.`baseitem` FORCE INDEX (`uk`) WHERE (`a` > ? OR (`a` = ? AND `at` > ?)) AND (`a` < ? OR (`a` = ? AND `at` <= ?))" | [1, 1, '2026-01-01 00:00:00.5', 2, 2, '2026-01-02 00:00:00']
    }

    def "column #form (nullable #nullable, delimited #delimited, hashed #hashed) becomes #token"() {
        expect:
        new ColumnText('c', form, scale, hashed, nullable, delimited).token() == token

        where:
        form       | scale | hashed | nullable | delimited || token
        AS_IS      | 0     | false  | true     | false     || "IFNULL(LENGTH(`c`), 'N'), ':', IFNULL(`c`, ''), ','"
        AS_IS      | 0     | false  | false    | false     || "LENGTH(`c`), ':', `c`, ','"
        AS_IS      | 0     | false  | false    | true      || "`c`, ','"
        AS_IS      | 0     | false  | true     | true      || "IFNULL(`c`, 'N'), ','"
        CHARACTERS | 0     | false  | false    | false     || "LENGTH(CONVERT(`c` USING utf8mb4)), ':', CONVERT(`c` USING utf8mb4), ','"
        BYTES      | 0     | false  | false    | true      || "HEX(`c`), ','"
        BITS       | 0     | false  | true     | true      || "IFNULL((`c` + 0), 'N'), ','"
        DATETIME6  | 0     | false  | false    | true      || "CAST(`c` AS DATETIME(6)), ','"
        TIME6      | 0     | false  | false    | true      || "CAST(`c` AS TIME(6)), ','"
        DECIMAL    | 3     | false  | false    | true      || "CAST(`c` AS DECIMAL(65, 3)), ','"
        CHARACTERS | 0     | true   | true     | false     || "IFNULL(LENGTH(CONVERT(`c` USING utf8mb4)), 'N'), '#', IFNULL(CRC32(CONVERT(`c` USING utf8mb4)), ''), ','"
        BYTES      | 0     | true   | false    | false     || "LENGTH(`c`), '#', CRC32(`c`), ','"
    }

    def "identifiers are quoted, a scale only goes with DECIMAL, and there is something to compare"() {
        when:
        def sql = ChecksumSql.checksum(T, 'PRI`MARY', ['i`d'], [ColumnText.of('na`me', AS_IS)], null, null).sql()

        then:
        sql.contains('FORCE INDEX (`PRI``MARY`)')
        sql.contains('`na``me`')

        when:
        new ColumnText('c', AS_IS, 2, false, true, false)

        then:
        thrown(IllegalArgumentException)

        when:
        ChecksumSql.checksum(T, 'PRIMARY', ['id'], [], null, null)

        then:
        thrown(IllegalArgumentException)
    }
}
