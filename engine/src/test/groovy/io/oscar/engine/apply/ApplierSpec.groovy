package io.oscar.engine.apply

import io.oscar.engine.binlog.BinlogPosition
import io.oscar.engine.binlog.RowChange
import io.oscar.engine.migrate.Pacer
import io.oscar.engine.schema.ColumnMapping
import io.oscar.engine.schema.TableName
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*

class ApplierSpec extends Specification {
    static final TableName T = new TableName(SCHEMA, 't')
    static final TableName GHO = new TableName(SCHEMA, '_t_gho')
    def original = table('t', [col('id', 'int', nullable: false), col('v', 'varchar(10)'), col('gone', 'int')], [pk('id')])
    def target = new ApplyTarget(original, GHO, new ColumnMapping([new ColumnMapping.Pair('id', 'id'), new ColumnMapping.Pair('v', 'w')]),
            ['id'], ['id'])
    def applier = new Applier(null, target, Pacer.system(), 100)

    static RowChange ins(int id, String v) { new RowChange(T, RowChange.Kind.INSERT, null, [id, v, 9] as Object[], new BinlogPosition('b', 4)) }
    static RowChange upd(int from, int to, String v) { new RowChange(T, RowChange.Kind.UPDATE, [from, 'x', 9] as Object[], [to, v, 9] as Object[], new BinlogPosition('b', 4)) }
    static RowChange del(int id) { new RowChange(T, RowChange.Kind.DELETE, [id, 'x', 9] as Object[], null, new BinlogPosition('b', 4)) }

    def "changes become ordered REPLACE/DELETE runs; a key repeated within a run is written once, with its last values"() {
        when:
        def statements = applier.statements([ins(1, 'a'), upd(1, 1, 'b'), ins(2, 'c'), del(3), del(3), upd(2, 5, 'd'), ins(6, 'e')])

        then:
        statements*.sql().collect { it.replaceAll(/\/\* .*? \*\/ /, '') } == [
                'REPLACE INTO `shop`.`_t_gho` (`id`, `w`) VALUES (?, ?), (?, ?)',
                'DELETE FROM `shop`.`_t_gho` WHERE `id` IN (?, ?)',
                'REPLACE INTO `shop`.`_t_gho` (`id`, `w`) VALUES (?, ?), (?, ?)']
        statements*.args() == [[1, 'b', 2, 'c'], [3, 2], [5, 'd', 6, 'e']]
    }

    def "an update that moves the key deletes the old key first; dropped columns are not written"() {
        expect:
        applier.statements([upd(7, 8, 'z')])*.args() == [[7], [8, 'z']]
    }

    def "rows of large values go in statements of at most about 4 MB, a larger row alone"() {
        given:
        def big = { int id, int mb -> new RowChange(T, RowChange.Kind.INSERT, null, [id, new byte[mb << 20], 9] as Object[], new BinlogPosition('b', 4)) }

        when:
        def statements = applier.statements([big(1, 1), big(2, 1), big(3, 1), big(4, 3), big(5, 6), ins(6, 'a')])

        then:
        statements*.args().collect { args -> args.findAll { it instanceof Integer } } == [[1, 2, 3], [4], [5], [6]]
    }

    def "a change weighs on the queue's byte bound by its values, before and after"() {
        expect:
        Applier.kib(ins(1, 'a')) == 1
        Applier.kib(new RowChange(T, RowChange.Kind.UPDATE, [1, new byte[1 << 20], 9] as Object[],
                [1, new byte[1 << 20], 9] as Object[], new BinlogPosition('b', 4))) == 2049
        Applier.kib(new RowChange(T, RowChange.Kind.INSERT, null, [1, new byte[1 << 30], 9] as Object[],
                new BinlogPosition('b', 4))) == Applier.QUEUE_KIB
    }

    def "rows the copy has not reached are left out: a key move writes only the side already copied"() {
        given: 'keys above 100 are ahead of the copy'
        applier.skipWhere { Object[] key -> (key[0] as int) > 100 }

        when:
        def statements = applier.statements([ins(1, 'a'), ins(150, 'b'), upd(2, 200, 'c'), del(300), upd(400, 3, 'd')])

        then:
        statements*.args() == [[1, 'a'], [2], [3, 'd']]
        applier.skippedCount() == 4
    }
}
