package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import io.oscar.engine.schema.Trigger
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*

/** Checks that look at the table and the ALTER: one row per situation, each check by name. */
class SchemaChecksSpec extends Specification {
    static final ForeignKey CHILD_FK = new ForeignKey('baseitem_id_refs_id_2d6ba49a', new TableName(SCHEMA, 'referringitem'),
            ['baseitem_id'], new TableName(SCHEMA, 'baseitem'), ['id'], 'RESTRICT', 'RESTRICT')

    static TableSchema referenced() {
        def t = baseitem()
        new TableSchema(t.name(), t.engine(), t.charset(), t.collation(), t.columns(), t.indexes(), [], [CHILD_FK],
                [], 20, 16384, false)
    }

    static TableSchema withTrigger() {
        def t = baseitem()
        new TableSchema(t.name(), t.engine(), t.charset(), t.collation(), t.columns(), t.indexes(), [], [],
                [new Trigger('audit_ins', 'AFTER', 'INSERT')], 20, 16384, false)
    }

    static TableSchema myisam() {
        def t = baseitem()
        new TableSchema(t.name(), 'MyISAM', t.charset(), t.collation(), t.columns(), t.indexes(), [], [], [], 20, 16384, false)
    }

    def "#check: #what -> #status"() {
        when:
        def r = Checks.ALL.find { it.name() == check }.run(Contexts.of(ctx))

        then:
        r.check() == check
        r.status() == status
        r.message().contains(message)

        where:
        check                  | what                              | ctx                                                                       || status | message
        'engine'               | 'InnoDB'                          | [:]                                                                       || PASS   | 'InnoDB'
        'engine'               | 'MyISAM'                          | [table: myisam()]                                                         || FAIL   | 'ENGINE=InnoDB first'
        'shared-key'           | 'primary key kept'                | [:]                                                                       || PASS   | 'PRIMARY (id)'
        'shared-key'           | 'seed: id widened'                | [alter: 'MODIFY id bigint NOT NULL AUTO_INCREMENT']                       || PASS   | 'PRIMARY (id)'
        'shared-key'           | 'no key left'                     | [table: someTable(), alter: 'DROP PRIMARY KEY, DROP KEY name_uidx, MODIFY id int NOT NULL'] || FAIL | 'share no NOT NULL unique key'
        'parent-foreign-keys'  | 'nobody references it'            | [:]                                                                       || PASS   | 'no foreign key references'
        'parent-foreign-keys'  | 'seed: referenced column widened' | [table: referenced(), alter: 'MODIFY id bigint NOT NULL AUTO_INCREMENT'] || FAIL   | 'needs the multi-table plan'
        'parent-foreign-keys'  | 'referenced, column untouched'    | [table: referenced()]                                                     || FAIL   | 'does not re-point parent-side foreign keys yet'
        'child-foreign-keys'   | 'declares none'                   | [:]                                                                       || PASS   | 'declares no foreign keys'
        'child-foreign-keys'   | 'declares one'                    | [table: referringitem()]                                                  || WARN   | 'fk_base'
        'triggers'             | 'none'                            | [:]                                                                       || PASS   | 'no triggers'
        'triggers'             | 'an insert trigger'               | [table: withTrigger()]                                                    || FAIL   | 'audit_ins'
        'leftover-tables'      | 'clean schema'                    | [:]                                                                       || PASS   | 'no tables left'
        'leftover-tables'      | 'ghost and old left over'         | [tables: ['baseitem', '_baseitem_gho', '_baseitem_del']]                  || FAIL   | 'DROP TABLE `shop`.`_baseitem_gho`, `shop`.`_baseitem_del`'
        'name-length'          | 'short name'                      | [:]                                                                       || PASS   | '_baseitem_gho'
        'renamed-columns'      | 'none'                            | [:]                                                                       || PASS   | 'no column renamed'
        'renamed-columns'      | 'CHANGE label title'              | [alter: 'CHANGE label title varchar(40)']                                 || FAIL   | 'label -> title; if that is intended, run again with --approve-renames'
        'renamed-columns'      | 'approved'                        | [alter: 'CHANGE label title varchar(40)',
                                                                      options: MigrationOptions.defaults().withApproveRenames(true)]           || WARN   | '(approved)'
        'dropped-columns'      | 'none'                            | [:]                                                                       || PASS   | 'no column dropped'
        'dropped-columns'      | 'DROP COLUMN label'               | [alter: 'DROP COLUMN label']                                              || FAIL   | 'drops label'
        'dropped-columns'      | 'approved'                        | [alter: 'DROP COLUMN label',
                                                                      options: MigrationOptions.defaults().withApproveDataLoss(true)]          || WARN   | '(approved)'
    }

    def "a table name too long for its artifacts is shortened, and the check says to what"() {
        given:
        def t = baseitem()
        def longName = new TableSchema(new TableName(SCHEMA, 'x' * 60), t.engine(), t.charset(), t.collation(), t.columns(),
                t.indexes(), [], [], [], 20, 16384, false)

        when:
        def r = new NameLengthCheck().run(Contexts.of(table: longName, tables: ['x' * 60]))

        then:
        r.status() == WARN
        r.message().contains('64 characters')
    }

    def "every check is in Checks.ALL exactly once, with a unique name"() {
        expect:
        Checks.ALL*.name().unique(false) == Checks.ALL*.name()
        Checks.ALL.size() == 12
        Checks.runAll(Contexts.of()).every { it.status() != FAIL }
    }
}
