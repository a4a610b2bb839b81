package io.oscar.engine.inspect

import io.oscar.engine.schema.TableName
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlScript

class InstantProbeIT extends DatabaseSpec {

    def setupSpec() {
        SqlScript.run(primarySql(), ProjectDir.resolve('examples/try_osc/schema.sql'))
        primarySql().execute("INSERT INTO baseitem VALUES (1, NOW(), NOW(), 7)")
    }

    def "the server answers for #clause"() {
        given:
        def c = primarySql().connection()
        def probe = new InstantProbe(c, db.flavor(), db.primary().describe())

        when:
        def result = probe.probe(new TableName(schema, 'baseitem'), clause)

        then:
        result.kind() in (db.flavor().isMariaDb() ? maria : mysql)
        result.avoidsCopy() == result.kind() in [AlterAlgorithm.Kind.INSTANT, AlterAlgorithm.Kind.NOCOPY]
        and: 'the probe table is gone and the original untouched'
        primarySql().value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '%probe%'", schema) == 0
        primarySql().value('SELECT COUNT(*) FROM baseitem') == 1
        primarySql().value("SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'baseitem' AND COLUMN_NAME = 'id'", schema) == 'int'

        where:
        clause                                    || maria                          | mysql
        'ADD COLUMN e int NOT NULL DEFAULT 0'     || [AlterAlgorithm.Kind.INSTANT]  | [AlterAlgorithm.Kind.INSTANT]
        'ADD INDEX product_idx (product_id)'      || [AlterAlgorithm.Kind.NOCOPY]   | [AlterAlgorithm.Kind.INPLACE]
        'MODIFY id bigint NOT NULL AUTO_INCREMENT'|| [AlterAlgorithm.Kind.COPY]     | [AlterAlgorithm.Kind.COPY]
        'DROP COLUMN product_id'                  || [AlterAlgorithm.Kind.INSTANT]  | [AlterAlgorithm.Kind.INSTANT, AlterAlgorithm.Kind.INPLACE]
    }

    def "an ALTER the server refuses on every algorithm is UNKNOWN with the server's reason"() {
        when:
        def result = new InstantProbe(primarySql().connection(), db.flavor(), db.primary().describe())
                .probe(new TableName(schema, 'baseitem'), 'DROP COLUMN no_such_column')

        then:
        result.kind() == AlterAlgorithm.Kind.UNKNOWN
        result.detail().contains('no_such_column')
    }
}
