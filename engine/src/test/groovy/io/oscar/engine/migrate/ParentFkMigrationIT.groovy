package io.oscar.engine.migrate

import io.oscar.engine.api.MigrationListener
import io.oscar.engine.api.Phase
import io.oscar.engine.api.Session
import io.oscar.engine.plan.MigrationOptions
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlClient
import io.oscar.testkit.SqlScript

import java.sql.SQLException
import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong

/**
 * The seed's parent migrated through Session.start while referringitem's key references it: a writer runs
 * RESEARCH's deadlock pattern (insert a child, then update its parent, in one transaction), inserts parents
 * and deletes children, and keeps control tables in the same transactions.
 */
class ParentFkMigrationIT extends DatabaseSpec {
    static final String BASE_COLS = 'id, created_on, updated_on, product_id'
    static final String REF_COLS = 'id, baseitem_id, created_on, updated_on, some_id'

    @Override
    boolean needsReplica() {
        true
    }

    Session session
    List<String> events = new ConcurrentLinkedQueue<String>() as List
    MigrationListener listener = new MigrationListener() {
        @Override
        void event(String table, String message) {
            events << message
        }
    }

    def setup() {
        def sql = primarySql()
        ['control_ref', 'control_base', '_baseitem_del', '_baseitem_gho', '_baseitem_ghc', 'referringitem', 'baseitem'].each {
            sql.execute("DROP TABLE IF EXISTS ${it}".toString())
        }
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
        sql.execute('SET @rows = ?', 5000)
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/generate.sql'))
        sql.execute('CREATE TABLE control_base LIKE baseitem')
        sql.execute('INSERT INTO control_base SELECT * FROM baseitem')
        sql.execute('CREATE TABLE control_ref LIKE referringitem')
        sql.execute('INSERT INTO control_ref SELECT * FROM referringitem')
        session = Session.connect(db.primary().withDatabase(schema), db.replica())
    }

    def cleanup() {
        session?.close()
    }

    String checksum(String table, String cols) {
        primarySql().value("SELECT CONCAT(COUNT(*), ':', COALESCE(BIT_XOR(CRC32(CONCAT_WS('#', ${cols}))), 0)) FROM ${table}".toString())
    }

    /** One transaction's statements on the real tables and on the controls; values drawn once per transaction. */
    static void transaction(SqlClient c, int op, Map v) {
        switch (op) {
            case 0: // the deadlock pattern: the child first, then its parent
                ['referringitem', 'control_ref'].each { t ->
                    c.execute("INSERT INTO ${t} (${REF_COLS}) VALUES (?, ?, ?, ?, ?)".toString(), v.refId, v.parent, v.now, v.now, v.some)
                }
                ['baseitem', 'control_base'].each { t ->
                    c.execute("UPDATE ${t} SET product_id = product_id + 1, updated_on = ? WHERE id = ?".toString(), v.now, v.parent)
                }
                break
            case 1:
                ['baseitem', 'control_base'].each { t ->
                    c.execute("INSERT INTO ${t} (${BASE_COLS}) VALUES (?, ?, ?, ?)".toString(), v.baseId, v.now, v.now, v.some)
                }
                break
            case 2:
                ['referringitem', 'control_ref'].each { t -> c.execute("DELETE FROM ${t} WHERE id = ?".toString(), v.child) }
                break
            default:
                ['baseitem', 'control_base'].each { t ->
                    c.execute("UPDATE ${t} SET product_id = ? WHERE id = ?".toString(), v.some, v.parent)
                }
        }
    }

    Thread writer(AtomicBoolean stop, AtomicInteger writes, AtomicInteger deadlocks, AtomicLong maxNanos, List<Throwable> errors) {
        Thread.start('test-parentfk-writer') {
            def c = new SqlClient(db.openPrimary(), 'writer')
            c.execute("USE `${schema}`")
            c.connection().autoCommit = false
            def rnd = ThreadLocalRandom.current()
            int nextRef = 200_000
            int nextBase = 100_000
            while (!stop.get()) {
                int op = rnd.nextInt(100) < 50 ? 0 : rnd.nextInt(1, 4)
                Map v = [refId: nextRef, baseId: nextBase, parent: rnd.nextInt(1, 5000), child: rnd.nextInt(1, 6000),
                         some: rnd.nextInt(1000), now: java.time.LocalDateTime.now().withNano(0).toString().replace('T', ' ')]
                long start = System.nanoTime()
                try {
                    transaction(c, op, v)
                    c.connection().commit()
                    nextRef++
                    nextBase++
                    writes.incrementAndGet()
                    maxNanos.accumulateAndGet(System.nanoTime() - start, Math::max)
                } catch (Throwable e) {
                    c.connection().rollback()
                    if ((e.cause instanceof SQLException) && (e.cause as SQLException).errorCode == 1213) {
                        deadlocks.incrementAndGet()  // detected and rolled back: the writer moves on (the control too)
                    } else {
                        errors << e
                    }
                }
                Thread.sleep(1)
            }
            c.close()
        }
    }

    def "baseitem ADD COLUMN while referringitem references it: key re-pointed to the new baseitem, equal to the controls, no stall"() {
        given:
        def stop = new AtomicBoolean()
        def writes = new AtomicInteger()
        def deadlocks = new AtomicInteger()
        def maxNanos = new AtomicLong()
        def errors = new ConcurrentLinkedQueue<Throwable>() as List
        def w = writer(stop, writes, deadlocks, maxNanos, errors)

        when:
        session.start('baseitem', 'ADD COLUMN note varchar(32)', MigrationOptions.defaults().withChunkSize(500), listener)
        def done = session.await('baseitem', Duration.ofMinutes(5))
        int writesDuringMigration = writes.get()
        Thread.sleep(300)
        stop.set(true)
        w.join()
        def sql = primarySql()
        def keys = sql.rows('''SELECT CONSTRAINT_NAME AS n, TABLE_NAME AS t, REFERENCED_TABLE_NAME AS r
            FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY n''', schema)
                .collect { "${it.t}:${it.n}->${it.r}".toString() }
        println "parent migration of baseitem: ${events.find { it.contains('cut-over done') }}; ${writesDuringMigration} writer" +
                " transactions during the migration, ${deadlocks.get()} deadlocks (1213, rolled back), max transaction" +
                " ${String.format('%.1f', maxNanos.get() / 1e6)} ms, errors ${errors*.message}"

        then:
        done.phase() == Phase.DONE
        done.cutoverLockMillis() != null
        writesDuringMigration > 50
        errors.isEmpty()
        maxNanos.get() < 2_000_000_000L
        events.any { it.contains('cut-over done (sentry+fk-relays, attempt 1)') }
        keys == ['referringitem:baseitem_id_refs_id_2d6ba49a->baseitem']
        sql.value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'baseitem' AND COLUMN_NAME = 'note'", schema) == 1
        sql.value('SELECT COUNT(*) FROM referringitem r LEFT JOIN baseitem b ON b.id = r.baseitem_id WHERE b.id IS NULL') == 0
        checksum('baseitem', BASE_COLS) == checksum('control_base', BASE_COLS)
        checksum('referringitem', REF_COLS) == checksum('control_ref', REF_COLS)
        sql.value("SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_%'", schema) == '_baseitem_del'
        probeRejected("INSERT INTO referringitem (${REF_COLS}) VALUES (900000, 2000000000, NOW(), NOW(), 1)") == 1452
        probeRejected('DELETE FROM baseitem WHERE id = 1') == 1451
    }

    int probeRejected(String statement) {
        try {
            primarySql().execute(statement)
            return 0
        } catch (IllegalStateException e) {
            return (e.cause as SQLException).errorCode
        }
    }
}
