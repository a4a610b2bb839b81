package io.oscar.engine.migrate

import io.oscar.engine.api.MigrationListener
import io.oscar.engine.api.Phase
import io.oscar.engine.api.Session
import io.oscar.engine.plan.MigrationOptions
import io.oscar.testkit.DatabaseSpec

import java.time.Duration

/**
 * A nullable unique key used as the shared key (allowNullableUniqueKey): correct only while it holds no NULL.
 * The preflight refuses a key holding one (ScenarioRefusalsIT); a NULL written during the migration stops it.
 */
class NullableKeyMigrationIT extends DatabaseSpec {

    def "a row with NULL in a nullable shared key, written mid-copy, stops the migration: nothing swapped, no artifacts"() {
        given:
        def sql = primarySql()
        ['nk', '_nk_gho', '_nk_ghc', '_nk_del'].each { sql.execute("DROP TABLE IF EXISTS `${it}`".toString()) }
        sql.execute('CREATE TABLE nk (a int NULL, b varchar(40), UNIQUE KEY a_uidx (a)) ENGINE=InnoDB')
        sql.execute('INSERT INTO nk SELECT seq, MD5(seq) FROM seq_1_to_3000')
        def session = Session.connect(db.primary().withDatabase(schema), null)
        def slow = MigrationOptions.defaults().withAllowNullableUniqueKey(true).withChunkSize(50).withNiceRatio(5)
        def listener = { String t, String m -> } as MigrationListener

        when:
        session.start('nk', 'ADD COLUMN w int NULL', slow, listener)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos()
        while (session.status()[0].rowsCopied() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(20)
        }
        sql.execute("INSERT INTO nk VALUES (NULL, 'written during the copy')")
        def p = session.await('nk', Duration.ofMinutes(2))

        then: 'without the guard the row was neither copied nor applied, and the cut-over lost it'
        p.phase() == Phase.FAILED
        p.failure().contains('NULL in the shared key')
        sql.value('SELECT COUNT(*) FROM nk') == 3001
        sql.value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_nk%'", schema) == 0
        sql.value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'nk' AND COLUMN_NAME = 'w'", schema) == 0

        cleanup:
        session?.close()
    }
}
