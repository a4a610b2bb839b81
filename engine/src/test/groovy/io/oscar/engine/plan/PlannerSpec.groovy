package io.oscar.engine.plan

import io.oscar.engine.alter.AlterAnalyzer
import io.oscar.engine.check.Contexts
import io.oscar.engine.inspect.AlterAlgorithm
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*

class PlannerSpec extends Specification {
    static final TableName BASE = new TableName(SCHEMA, 'baseitem')
    static final TableName REF = new TableName(SCHEMA, 'referringitem')
    static final TableName GRAND = new TableName(SCHEMA, 'grandchild')
    static final TableName OTHER = new TableName(SCHEMA, 'other')
    static final ForeignKey CHILD = new ForeignKey('fk_child', REF, ['baseitem_id'], BASE, ['id'], 'RESTRICT', 'RESTRICT')
    // references the child's baseitem_id, which must widen too: a grandchild of the change
    static final ForeignKey GRANDCHILD = new ForeignKey('fk_grand', GRAND, ['ref_base'], REF, ['baseitem_id'], 'CASCADE', 'RESTRICT')
    // references the child's own id, which does not change
    static final ForeignKey UNRELATED = new ForeignKey('fk_other', OTHER, ['ref_id'], REF, ['id'], 'RESTRICT', 'RESTRICT')

    def "the FKs that must change: children of the changed column and, through their columns, grandchildren"() {
        given:
        def a = AlterAnalyzer.analyze(baseitem(), alter)

        expect:
        Planner.affectedForeignKeys(a, [CHILD, GRANDCHILD, UNRELATED])*.name() == expected

        where:
        alter                                             || expected
        'MODIFY id bigint NOT NULL AUTO_INCREMENT'        || ['fk_child', 'fk_grand']
        'ADD COLUMN e int'                                || []
        'MODIFY label varchar(80)'                        || []
    }

    def "a runnable plan has one migrate step with the options; a blocked one has none"() {
        given:
        def options = MigrationOptions.defaults().withChunkSize(500)

        when:
        def ok = Planner.plan(Contexts.of(options: options), new AlterAlgorithm(AlterAlgorithm.Kind.COPY, ''))
        def blocked = Planner.plan(Contexts.of(alter: 'DROP COLUMN label'), new AlterAlgorithm(AlterAlgorithm.Kind.COPY, ''))

        then:
        ok.runnable()
        ok.steps() == [new Step.MigrateTable(BASE, 'ADD COLUMN e int NOT NULL DEFAULT 0', options)]
        ok.instantAlternative() == null
        !blocked.runnable()
        blocked.steps().isEmpty()
        blocked.failures()*.check() == ['dropped-columns']
    }

    def "the server's cheaper algorithm is offered as a statement: #kind"() {
        expect:
        Planner.plan(Contexts.of(), new AlterAlgorithm(kind, '')).instantAlternative() == statement

        where:
        kind                         || statement
        AlterAlgorithm.Kind.INSTANT  || 'ALTER TABLE `shop`.`baseitem` ADD COLUMN e int NOT NULL DEFAULT 0, ALGORITHM=INSTANT'
        AlterAlgorithm.Kind.NOCOPY   || 'ALTER TABLE `shop`.`baseitem` ADD COLUMN e int NOT NULL DEFAULT 0, ALGORITHM=NOCOPY, LOCK=NONE'
        AlterAlgorithm.Kind.INPLACE  || null
        AlterAlgorithm.Kind.COPY     || null
    }
}
