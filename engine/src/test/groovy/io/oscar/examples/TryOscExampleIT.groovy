package io.oscar.examples

import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlScript

import java.time.Duration

/** examples/try_osc loads as documented, on the primary and through replication. */
class TryOscExampleIT extends DatabaseSpec {

    @Override
    boolean needsReplica() {
        true
    }

    def setup() {
        def sql = primarySql()
        sql.execute('DROP TABLE IF EXISTS referringitem')
        sql.execute('DROP TABLE IF EXISTS baseitem')
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
    }

    def "the seed data: 20 base items, 25 referring items, the FK in place, on both servers"() {
        when:
        SqlScript.run(primarySql(), ProjectDir.resolve('examples/try_osc/data.sql'))
        db.awaitReplica(Duration.ofSeconds(30))

        then:
        [primarySql(), replicaSql()].every { s ->
            s.value('SELECT COUNT(*) FROM baseitem') == 20 && s.value('SELECT COUNT(*) FROM referringitem') == 25
        }
        def fk = primarySql().firstRow('''
            SELECT CONSTRAINT_NAME AS name, REFERENCED_TABLE_NAME AS parent, COLUMN_NAME AS col
            FROM information_schema.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND REFERENCED_TABLE_NAME IS NOT NULL''', schema)
        fk == [name: 'baseitem_id_refs_id_2d6ba49a', parent: 'baseitem', col: 'baseitem_id']
        primarySql().value("SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'baseitem'", schema)
                .toString().startsWith('latin1')
    }

    def "generate.sql makes N base items and N*5/4 referring items with no orphans"() {
        given:
        def sql = primarySql()

        when:
        sql.execute('SET @rows = ?', 1000)
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/generate.sql'))

        then:
        sql.value('SELECT COUNT(*) FROM baseitem') == 1000
        sql.value('SELECT COUNT(*) FROM referringitem') == 1250
        sql.value('SELECT COUNT(*) FROM referringitem r LEFT JOIN baseitem b ON b.id = r.baseitem_id WHERE b.id IS NULL') == 0
        sql.value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'oscar_numbers'", schema) == 0
    }
}
