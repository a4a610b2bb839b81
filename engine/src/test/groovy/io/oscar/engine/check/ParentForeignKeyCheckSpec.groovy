package io.oscar.engine.check

import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class ParentForeignKeyCheckSpec extends Specification {
    static final TableName BASE = new TableName(SCHEMA, 'baseitem')
    static final ForeignKey CASCADING = new ForeignKey('note_base_fk', new TableName(SCHEMA, 'note'), ['base_id'], BASE, ['id'],
            'CASCADE', 'RESTRICT')
    static final ForeignKey SELF = new ForeignKey('base_parent_fk', BASE, ['parent_id'], BASE, ['id'], 'RESTRICT', 'RESTRICT')
    static final ForeignKey ON_LABEL = new ForeignKey('fk_label', new TableName(SCHEMA, 'labels'), ['label'], BASE, ['label'],
            'RESTRICT', 'RESTRICT')

    static TableSchema referencedBy(List<ForeignKey> fks, List extraIndexes = []) {
        def t = baseitem()
        new TableSchema(t.name(), t.engine(), t.charset(), t.collation(), t.columns(), t.indexes() + extraIndexes, [], fks,
                [], 20, 16384, false)
    }

    def "#what -> #status"() {
        when:
        def r = new ParentForeignKeyCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'parent-foreign-keys'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'nobody references it'            | [:]                                                                       || PASS   | 'no foreign key references'
        'seed: referenced column widened' | [table: referenced(), alter: 'MODIFY id bigint NOT NULL AUTO_INCREMENT'] || FAIL   | 'needs the multi-table plan'
        'referenced column dropped'       | [table: referenced(), alter: 'DROP COLUMN id']                            || FAIL   | 'needs the multi-table plan'
        'referenced, column untouched'    | [table: referenced()]                                                     || WARN   | 're-points these keys at the new table inside its lock'
        'names the blocked children'      | [table: referenced()]                                                     || WARN   | "[${SCHEMA}.referringitem] are write-blocked"
        'a cascading key'                 | [table: referencedBy([CHILD_FK, CASCADING])]                              || WARN   | 'Cascading keys keep working'
        'self-referencing'                | [table: referencedBy([SELF])]                                             || FAIL   | 'references itself'
        'the referenced index dropped'    | [table: referencedBy([ON_LABEL], [uk('label_uk', 'label')]), alter: 'DROP INDEX label_uk'] || FAIL | 'drops the index that these foreign keys need'
        'another index still covers it'   | [table: referencedBy([ON_LABEL], [uk('label_uk', 'label'), key('label_id', 'label', 'id')]), alter: 'DROP INDEX label_uk'] || WARN | 're-points'
    }
}
