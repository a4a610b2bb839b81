package io.oscar.engine.migrate

import io.oscar.engine.api.MigrationListener
import io.oscar.engine.api.Phase
import io.oscar.engine.api.Session
import io.oscar.engine.plan.MigrationOptions
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.SqlClient
import io.oscar.testkit.SqlScript

import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger

/**
 * Every scenarios/migrate-* folder: migrate `t` online while a writer runs the scenario's workload on
 * `t` and on a control copy in the same transactions; the result must equal the control.
 */
class ScenarioMigrationIT extends DatabaseSpec {

    @Override
    boolean needsReplica() {
        true
    }

    static List<String> scenarios() {
        def root = Paths.get(ScenarioMigrationIT.getResource('/scenarios').toURI())
        root.toFile().listFiles().findAll { it.directory && it.name.startsWith('migrate-') }*.name.sort()
    }

    static Path folder(String name) {
        Paths.get(ScenarioMigrationIT.getResource("/scenarios/${name}").toURI())
    }

    List<String> storedColumns(String table) {
        primarySql().rows("SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? " +
                "AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION", schema, table)*.c
    }

    String checksum(String table, List<String> columns) {
        def parts = columns.collect { "IFNULL(HEX(CAST(`${it}` AS CHAR)), '~')" }.join(', ')
        primarySql().value("SELECT CONCAT(COUNT(*), ':', COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', ${parts}))), 0)) FROM `${table}`".toString())
    }

    static MigrationOptions options(Path dir) {
        def o = MigrationOptions.defaults().withChunkSize(300)
        def file = dir.resolve('options.txt').toFile()
        if (file.exists()) {
            file.text.split(/\s+/).findAll().each { opt ->
                switch (opt) {
                    case '--approve-data-loss': o = o.withApproveDataLoss(true); break
                    case '--approve-renames': o = o.withApproveRenames(true); break
                    case '--allow-nullable-unique-key': o = o.withAllowNullableUniqueKey(true); break
                    default: throw new IllegalArgumentException("unknown option in ${file}: ${opt}")
                }
            }
        }
        o
    }

    Thread workload(List<String> statements, AtomicBoolean stop, AtomicInteger done, List<Throwable> errors) {
        Thread.start('scenario-writer') {
            def c = new SqlClient(db.openPrimary(), 'writer')
            c.execute("USE `${schema}`")
            c.connection().autoCommit = false
            def rnd = ThreadLocalRandom.current()
            int n = 0
            while (!stop.get()) {
                String stmt = statements[rnd.nextInt(statements.size())].replace('{n}', "${++n}").replace('{r}', "${rnd.nextInt(1, 3001)}")
                try {
                    c.execute(stmt.replaceAll(/\bt\b/, 'control'))
                    c.execute(stmt)
                    c.connection().commit()
                    done.incrementAndGet()
                } catch (Throwable e) {
                    c.connection().rollback()
                    if (!(e.message =~ /Deadlock|Lock wait|Duplicate entry/)) {
                        errors << new AssertionError("${stmt}: ${e.message}", e)
                    }
                }
                Thread.sleep(1)
            }
            c.close()
        }
    }

    def "scenario #name: migrated under a concurrent workload, equal to the control"() {
        given:
        def dir = folder(name)
        def sql = primarySql()
        ['t', 'control', '_t_gho', '_t_ghc', '_t_del'].each { sql.execute("DROP TABLE IF EXISTS `${it}`".toString()) }
        SqlScript.run(sql, dir.resolve('create.sql'))
        sql.execute('CREATE TABLE control LIKE t')
        def cols = storedColumns('t').collect { "`${it}`" }.join(', ')
        sql.execute("INSERT INTO control (${cols}) SELECT ${cols} FROM t".toString())
        def statements = dir.resolve('workload.sql').toFile().readLines().findAll { it.strip() && !it.strip().startsWith('--') }
        def session = Session.connect(db.primary().withDatabase(schema), db.replica())
        def events = new ConcurrentLinkedQueue<String>()
        def listener = new MigrationListener() {
            @Override
            void event(String table, String message) { events << message }
        }
        def stop = new AtomicBoolean()
        def done = new AtomicInteger()
        def errors = new ConcurrentLinkedQueue<Throwable>() as List

        when:
        def w = workload(statements, stop, done, errors)
        Thread.sleep(200)
        session.start('t', dir.resolve('alter.sql').toFile().text.strip(), options(dir), listener)
        def p = session.await('t', Duration.ofMinutes(5))
        int during = done.get()
        Thread.sleep(200)
        stop.set(true)
        w.join()
        def common = storedColumns('t').intersect(storedColumns('control'))

        then:
        p.phase() == Phase.DONE
        errors.isEmpty()
        during > 20
        common.size() >= 2
        checksum('t', common) == checksum('control', common)
        events.any { it.startsWith('verified:') }
        sql.value("SELECT GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_%'", schema) == '_t_del'

        cleanup:
        stop?.set(true)
        session?.close()

        where:
        name << scenarios()
    }
}
