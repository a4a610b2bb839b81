package io.oscar.engine.alter

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.schema.TableSchema
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*

/** gh-ost's doc/shared-key.md, every example a row, on the document's some_table. */
class SharedKeysSpec extends Specification {

    static SharedKeyResult shared(TableSchema table, String alter, boolean allowNullable = false) {
        SharedKeys.find(AlterAnalyzer.analyze(table, alter), allowNullable)
    }

    static String describe(SharedKey k) {
        "${k.oldKey().name()}(${k.oldColumns().join(',')})>${k.newKey().name()}(${k.newColumns().join(',')})" as String
    }

    def "gh-ost allowed migration: #alter"() {
        when:
        def r = shared(someTable(), alter)

        then:
        r.found()
        describe(r.chosen()) == chosen
        r.candidates().collect { describe(it) } == candidates
        r.reason() == null
        r.warnings().isEmpty()
        describe(r.require()) == chosen

        where:
        alter                                                                                    || chosen                          | candidates
        'add column i int'                                                                       || 'PRIMARY(id)>PRIMARY(id)'       | ['PRIMARY(id)>PRIMARY(id)', 'name_uidx(name)>name_uidx(name)']
        'add key owner_idx (owner_id)'                                                           || 'PRIMARY(id)>PRIMARY(id)'       | ['PRIMARY(id)>PRIMARY(id)', 'name_uidx(name)>name_uidx(name)']
        'add unique key owner_name_idx (owner_id, name)'                                         || 'PRIMARY(id)>PRIMARY(id)'       | ['PRIMARY(id)>PRIMARY(id)', 'name_uidx(name)>name_uidx(name)']
        'drop key name_uidx'                                                                     || 'PRIMARY(id)>PRIMARY(id)'       | ['PRIMARY(id)>PRIMARY(id)']
        'drop primary key, add primary key(owner_id, loc_id)'                                    || 'name_uidx(name)>name_uidx(name)' | ['name_uidx(name)>name_uidx(name)']
        // the document writes "change id bigint ..."; MySQL's CHANGE takes the old and the new name
        'change id id bigint unsigned not null auto_increment'                                   || 'PRIMARY(id)>PRIMARY(id)'       | ['PRIMARY(id)>PRIMARY(id)', 'name_uidx(name)>name_uidx(name)']
        'modify id bigint unsigned not null auto_increment'                                      || 'PRIMARY(id)>PRIMARY(id)'       | ['PRIMARY(id)>PRIMARY(id)', 'name_uidx(name)>name_uidx(name)']
        'drop primary key, drop key name_uidx, add primary key(name), add unique key id_uidx(id)' || 'PRIMARY(id)>id_uidx(id)'       | ['PRIMARY(id)>id_uidx(id)', 'name_uidx(name)>PRIMARY(name)']
    }

    def "gh-ost not allowed migration: #alter"() {
        when:
        def r = shared(someTable(), alter)

        then:
        !r.found()
        r.candidates().isEmpty()
        r.reason().contains('share no NOT NULL unique key')
        r.reason().contains(after)

        when:
        r.require()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.NO_SHARED_KEY
        e.message.contains('migrate in two steps: 1. ADD UNIQUE KEY temp_pk (' + workaroundColumns + ')')
        e.message.contains('2. DROP PRIMARY KEY, DROP KEY temp_pk, ADD PRIMARY KEY (' + workaroundColumns + ')')

        where:
        alter                                                                     || after                        | workaroundColumns
        'drop primary key, drop key name_uidx'                                    || 'after: none'                | 'temp_pk_column, ...'
        'drop primary key, drop key name_uidx, add primary key(name, owner_id)'   || 'after: PRIMARY (name, owner_id)' | 'name, owner_id'
    }

    def "composite keys are shared by their columns: #alter"() {
        given:
        def t = table('pair', [col('a', 'int', nullable: false), col('b', 'int', nullable: false), col('c', 'int')],
                [pk('a', 'b'), key('c_idx', 'c')])

        when:
        def r = shared(t, alter)

        then:
        r.found() == found
        (r.found() ? describe(r.chosen()) : null) == chosen

        where:
        alter                                                    || found | chosen
        'ADD COLUMN d int'                                       || true  | 'PRIMARY(a,b)>PRIMARY(a,b)'
        'MODIFY b bigint NOT NULL'                               || true  | 'PRIMARY(a,b)>PRIMARY(a,b)'
        'DROP PRIMARY KEY, ADD PRIMARY KEY (b, a)'               || true  | 'PRIMARY(a,b)>PRIMARY(a,b)' // columns paired in the old key's order
        'DROP PRIMARY KEY, ADD UNIQUE KEY ab (a, b)'             || true  | 'PRIMARY(a,b)>ab(a,b)'
        'DROP PRIMARY KEY, ADD PRIMARY KEY (a)'                  || false | null
        'DROP PRIMARY KEY, ADD PRIMARY KEY (a, b, c)'            || false | null
        'DROP COLUMN b'                                          || false | null
        'CHANGE b b2 int NOT NULL'                               || true  | 'PRIMARY(a,b)>PRIMARY(a,b2)'
    }

    def "renamed key columns count as the same column: #alter"() {
        when:
        def r = shared(someTable(), alter)

        then:
        describe(r.require()) == chosen

        where:
        alter                                                          || chosen
        'CHANGE id item_id int NOT NULL AUTO_INCREMENT'                || 'PRIMARY(id)>PRIMARY(item_id)'
        'RENAME COLUMN id TO item_id'                                  || 'PRIMARY(id)>PRIMARY(item_id)'
        'RENAME COLUMN name TO title, DROP PRIMARY KEY'                || 'name_uidx(name)>name_uidx(title)'
        'CHANGE `NAME` title varchar(200) NOT NULL, DROP PRIMARY KEY'  || 'name_uidx(name)>name_uidx(title)'
        'RENAME COLUMN name TO title, DROP PRIMARY KEY, DROP KEY name_uidx, ADD UNIQUE KEY t_u (title)' || 'name_uidx(name)>t_u(title)'
    }

    def "a nullable unique key is shared only with allowNullable, and then with a warning"() {
        given:
        def t = table('codes', [col('code', 'varchar(20)'), col('v', 'int')], [uk('code_u', 'code')])

        when:
        def strict = shared(t, 'ADD COLUMN w int')

        then:
        !strict.found()
        strict.reason().contains('Shared but with nullable columns: code_u (code)')
        strict.reason().contains('allowNullable')

        when:
        def relaxed = shared(t, 'ADD COLUMN w int', true)

        then:
        describe(relaxed.require()) == 'code_u(code)>code_u(code)'
        relaxed.chosen().nullable()
        relaxed.warnings().size() == 1
        relaxed.warnings()[0].contains('nullable columns')
        relaxed.warnings()[0].contains('NULL')
    }

    def "with allowNullable a NOT NULL key still ranks before a nullable one"() {
        given:
        def t = table('mixed', [col('code', 'varchar(20)'), col('n', 'int', nullable: false), col('m', 'int', nullable: false)],
                [uk('code_u', 'code'), uk('nm_u', 'n', 'm')])

        when:
        def r = shared(t, 'ADD COLUMN w int', true)

        then:
        describe(r.chosen()) == 'nm_u(n,m)>nm_u(n,m)'
        r.candidates().collect { describe(it) } == ['nm_u(n,m)>nm_u(n,m)', 'code_u(code)>code_u(code)']
        r.warnings().isEmpty()
    }

    def "a key column that becomes nullable in the new table is not shared"() {
        when:
        def r = shared(someTable(), 'DROP PRIMARY KEY, MODIFY name varchar(128) NULL')

        then:
        !r.found()
        r.reason().contains('Shared but with nullable columns: name_uidx (name)')
    }

    def "without a primary key the key with the fewest columns wins"() {
        given:
        def t = table('nopk', [col('a', 'int', nullable: false), col('b', 'int', nullable: false), col('c', 'int', nullable: false)],
                [uk('ab_u', 'a', 'b'), uk('c_u', 'c')])

        when:
        def r = shared(t, 'ADD COLUMN d int')

        then:
        r.candidates().collect { describe(it) } == ['c_u(c)>c_u(c)', 'ab_u(a,b)>ab_u(a,b)']
    }

    def "a key on a generated column is not shared: the column is not copied"() {
        given:
        def t = table('gen', [col('a', 'int', nullable: false),
                              col('twice', 'int', nullable: false, extra: 'STORED GENERATED', generated: '`a` * 2')],
                [uk('twice_u', 'twice')])

        expect:
        !shared(t, 'ADD COLUMN d int').found()
    }

    def "the seed case: widening an int primary key to bigint is a type change only, and allowed"() {
        when:
        def a = AlterAnalyzer.analyze(baseitem(), 'MODIFY id bigint NOT NULL AUTO_INCREMENT')
        def r = SharedKeys.find(a, false)

        then:
        describe(r.require()) == 'PRIMARY(id)>PRIMARY(id)'
        a.typeChanges().size() == 1
        a.typeChangeOf('id').oldType() == 'int(11)'
        a.typeChangeOf('id').newType() == 'bigint'
        a.addedColumns().isEmpty()
        a.droppedColumns().isEmpty()
        a.addedKeys().isEmpty()
        a.droppedKeys().isEmpty()
        a.columnMapping().pairs()*.oldName == ['id', 'label']
    }

    def "a key on a FLOAT or DOUBLE column is never shared (gh-ost's rule): #type"() {
        given:
        def t = table('floaty', [col('f', type, nullable: false), col('id', 'int', nullable: false)],
                keys)

        when:
        def r = shared(t, 'ADD COLUMN d int')

        then:
        r.found() == found
        found || r.reason().contains('FLOAT/DOUBLE column: f_u (f)')

        where:
        type     | keys                         || found
        'float'  | [uk('f_u', 'f')]             || false
        'double' | [uk('f_u', 'f')]             || false
        'float'  | [uk('f_u', 'f'), pk('id')]   || true
    }
}
