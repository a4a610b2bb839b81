package io.oscar.engine.verify

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.copy.CopyTarget
import io.oscar.engine.schema.Column
import io.oscar.engine.schema.Index
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import io.oscar.engine.sql.ColumnText
import spock.lang.Specification

import static io.oscar.engine.sql.ColumnText.Form.*

class ChecksumColumnsSpec extends Specification {

    static Column col(String name, String columnType, String charset = null) {
        new Column(name, columnType.replaceAll(/\(.*$/, '').replace(' unsigned', ''), columnType, true, null, '', null, charset, null)
    }

    def "#original -> #ghost is compared as #form (scale #scale, hashed #hashed, delimited #delimited)"() {
        when:
        def text = ChecksumColumns.original(col('a', original), col('b', ghost))

        then:
        text == new ColumnText('a', form, scale, hashed, true, delimited)

        where:
        original          | ghost               || form       | scale | hashed | delimited
        'int'             | 'bigint'            || AS_IS      | 0     | false | true 
        'int unsigned'    | 'bigint unsigned'   || AS_IS      | 0     | false | true 
        'varchar(10)'     | 'varchar(20)'       || CHARACTERS | 0     | false | false
        'char(3)'         | 'varchar(3)'        || CHARACTERS | 0     | false | false
        "enum('x','y')"   | "enum('x','y','z')" || CHARACTERS | 0     | false | false
        'varchar(300)'    | 'text'              || CHARACTERS | 0     | true | false
        'longtext'        | 'longtext'          || AS_IS      | 0     | true | false
        'varbinary(8)'    | 'blob'              || BYTES      | 0     | true | true 
        'binary(16)'      | 'binary(16)'        || AS_IS      | 0     | false | false
        'datetime(6)'     | 'datetime(6)'       || AS_IS      | 0     | false | true 
        'varchar(10)'     | 'varchar(10)'       || AS_IS      | 0     | false | false
        'bit(3)'          | 'bit(3)'            || AS_IS      | 0     | false | false
        'datetime'        | 'datetime(6)'       || DATETIME6  | 0     | false | true 
        'timestamp(3)'    | 'datetime(6)'       || DATETIME6  | 0     | false | true 
        'date'            | 'datetime'          || DATETIME6  | 0     | false | true 
        'time'            | 'time(3)'           || TIME6      | 0     | false | true 
        'bit(3)'          | 'bit(8)'            || BITS       | 0     | false | true 
        'decimal(10,2)'   | 'decimal(12,3)'     || DECIMAL    | 3     | false | true 
        'int'             | 'decimal(12,2)'     || DECIMAL    | 2     | false | true 
        'decimal(10,2)'   | 'decimal(12,2)'     || AS_IS      | 0     | false | true 
        'float'           | 'float'             || AS_IS      | 0     | false | true 
        'double'          | 'double'            || AS_IS      | 0     | false | true 
        'date'            | 'date'              || AS_IS      | 0     | false | true 
        'int'             | 'varchar(11)'       || CHARACTERS | 0     | false | false
    }

    def "only a column that may be NULL on either side spells out NULL"() {
        expect:
        !ChecksumColumns.original(notNull('a', 'int'), notNull('b', 'bigint')).nullable()
        ChecksumColumns.original(notNull('a', 'int'), col('b', 'bigint')).nullable()
        ChecksumColumns.original(col('a', 'int'), notNull('b', 'bigint')).nullable()
    }

    static Column notNull(String name, String columnType) {
        new Column(name, columnType, columnType, false, null, '', null, null, null)
    }

    def "the same type in another character set is compared as characters"() {
        expect:
        ChecksumColumns.original(col('a', 'varchar(10)', 'latin1'), col('b', 'varchar(10)', 'utf8mb4')).form() == CHARACTERS
    }

    static TableSchema table(String name, List<Column> columns, List<Index> indexes) {
        new TableSchema(new TableName('s', name), 'InnoDB', 'utf8mb4', 'utf8mb4_general_ci', columns, indexes, [], [], [], 0, 0, false)
    }

    def "the ghost side uses the ghost's column and key names, and the ghost's index on the shared key"() {
        given:
        def original = table('t', [col('id', 'int'), col('at', 'datetime'), col('old', 'varchar(5)', 'latin1')],
                [new Index('PRIMARY', ['id', 'at'], true, true)])
        def ghost = table('_t_gho', [col('id', 'bigint'), col('extra', 'int'), col('at', 'datetime(6)'), col('new', 'varchar(9)')],
                [new Index('ix', ['extra'], false, false), new Index('uk_id_at', ['id', 'at'], true, false)])
        def copy = new CopyTarget(original.name(), ghost.name(), 'PRIMARY', ['id', 'at'], ['old', 'id', 'at'], ['new', 'id', 'at'])

        when:
        def target = ChecksumTarget.of(copy, original, ghost)

        then:
        target.ghostIndex() == 'uk_id_at'
        target.ghostKey() == ['id', 'at']
        target.originalColumns()*.column() == ['old', 'id', 'at']
        target.ghostColumns()*.column() == ['new', 'id', 'at']
        target.originalColumns()*.form() == [CHARACTERS, AS_IS, DATETIME6]
        target.ghostColumns()*.form() == target.originalColumns()*.form()
    }

    def "a key not on the ghost is refused with NO_SHARED_KEY"() {
        given:
        def original = table('t', [col('id', 'int')], [new Index('PRIMARY', ['id'], true, true)])
        def ghost = table('_t_gho', [col('id', 'int')], [new Index('ix', ['id'], false, false)])
        def copy = new CopyTarget(original.name(), ghost.name(), 'PRIMARY', ['id'], ['id'], ['id'])

        when:
        ChecksumTarget.of(copy, original, ghost)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.NO_SHARED_KEY
    }
}
