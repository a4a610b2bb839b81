package io.oscar.engine.inspect

import io.oscar.engine.db.ServerFlavor
import spock.lang.Specification

/** COLUMN_DEFAULT from MySQL and MariaDB becomes the same SQL text. */
class DefaultValuesSpec extends Specification {
    static final ServerFlavor MYSQL8 = ServerFlavor.parse('8.0.36', 'MySQL Community Server - GPL')
    static final ServerFlavor MYSQL57 = ServerFlavor.parse('5.7.44-log', 'MySQL Community Server (GPL)')
    static final ServerFlavor MARIADB = ServerFlavor.parse('10.11.6-MariaDB-log', 'mariadb.org binary distribution')

    def "MySQL 8: #raw (#dataType, nullable #nullable, extra '#extra') -> #expected"() {
        expect:
        DefaultValues.normalise(MYSQL8, raw, nullable, dataType, extra) == expected

        where:
        raw                    | nullable | dataType   | extra                                                   || expected
        null                   | false    | 'varchar'  | ''                                                      || null
        null                   | true     | 'varchar'  | ''                                                      || 'NULL'
        null                   | true     | 'text'     | ''                                                      || 'NULL'
        'it\'s "q"'            | false    | 'varchar'  | ''                                                      || '\'it\'\'s "q"\''
        'NULL'                 | true     | 'varchar'  | ''                                                      || "'NULL'"
        ''                     | true     | 'varchar'  | ''                                                      || "''"
        '5'                    | false    | 'int'      | ''                                                      || '5'
        '1.50'                 | false    | 'decimal'  | ''                                                      || '1.50'
        'new'                  | false    | 'enum'     | ''                                                      || "'new'"
        "b'101'"               | true     | 'bit'      | ''                                                      || "b'101'"
        'CURRENT_TIMESTAMP'    | false    | 'datetime' | 'DEFAULT_GENERATED'                                     || 'current_timestamp()'
        'CURRENT_TIMESTAMP(6)' | false    | 'datetime' | 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(6)'      || 'current_timestamp(6)'
        '(1 + 2)'              | true     | 'int'      | 'DEFAULT_GENERATED'                                     || '(1 + 2)'
        'rand()'               | true     | 'double'   | 'DEFAULT_GENERATED'                                     || '(rand())'
        null                   | true     | 'int'      | 'VIRTUAL GENERATED'                                     || null
        null                   | false    | 'bigint'   | 'auto_increment'                                        || null
    }

    def "MySQL 5.7 has no DEFAULT_GENERATED: CURRENT_TIMESTAMP is still an expression"() {
        expect:
        DefaultValues.normalise(MYSQL57, 'CURRENT_TIMESTAMP', false, 'timestamp', 'on update CURRENT_TIMESTAMP') == 'current_timestamp()'
        DefaultValues.normalise(MYSQL57, 'x', false, 'char', '') == "'x'"
    }

    def "MariaDB: already SQL text; SQL NULL means no default, the text NULL means DEFAULT NULL"() {
        expect:
        DefaultValues.normalise(MARIADB, raw, nullable, dataType, extra) == expected

        where:
        raw                    | nullable | dataType   | extra                             || expected
        null                   | false    | 'varchar'  | ''                                || null
        'NULL'                 | true     | 'varchar'  | ''                                || 'NULL'
        "'NULL'"               | true     | 'varchar'  | ''                                || "'NULL'"
        '\'it\'\'s "q"\''      | false    | 'varchar'  | ''                                || '\'it\'\'s "q"\''
        'current_timestamp(6)' | false    | 'datetime' | 'on update current_timestamp(6)'  || 'current_timestamp(6)'
        'current_timestamp()'  | false    | 'datetime' | ''                                || 'current_timestamp()'
        '(1 + 2)'              | true     | 'int'      | ''                                || '(1 + 2)'
        null                   | true     | 'int'      | 'STORED GENERATED'                || null
    }

    def "EXTRA loses MySQL's DEFAULT_GENERATED marker, keeps the rest"() {
        expect:
        ColumnReader.extra('DEFAULT_GENERATED on update CURRENT_TIMESTAMP') == 'on update CURRENT_TIMESTAMP'
        ColumnReader.extra('DEFAULT_GENERATED') == ''
        ColumnReader.extra('VIRTUAL GENERATED') == 'VIRTUAL GENERATED'
        ColumnReader.extra(null) == ''
    }
}
