package io.oscar.engine.migrate

import io.oscar.engine.api.MigrationListener
import io.oscar.engine.api.Phase
import io.oscar.engine.api.Progress
import io.oscar.engine.api.Session
import io.oscar.engine.plan.CutoverMode
import io.oscar.engine.plan.MigrationOptions
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlClient
import io.oscar.testkit.SqlScript

import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger

/**
 * One table migrated end to end through Session.start (the binlog read from the primary, or from the replica
 * with binlogFromReplica), while a writer changes the table; the result is compared with a control table the writer keeps in the same
 * transactions.
 */
class TableMigrationIT extends DatabaseSpec {
    static final String COLS = 'id, baseitem_id, created_on, updated_on, some_id'

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
        ['control', '_referringitem_del', '_referringitem_gho', '_referringitem_ghc', 'referringitem', 'baseitem'].each {
            sql.execute("DROP TABLE IF EXISTS ${it}".toString())
        }
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
        sql.execute('SET @rows = ?', 5000)
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/generate.sql'))
        sql.execute('CREATE TABLE control LIKE referringitem')
        sql.execute("INSERT INTO control SELECT * FROM referringitem")
        session = Session.connect(db.primary().withDatabase(schema), db.replica())
    }

    def cleanup() {
        session?.close()
    }

    String checksum(String table) {
        primarySql().value("SELECT CONCAT(COUNT(*), ':', COALESCE(BIT_XOR(CRC32(CONCAT_WS('#', ${COLS}))), 0)) FROM ${table}".toString())
    }

    /** Inserts, updates (also of the key) and deletes, each applied to referringitem and control in one transaction. */
    Thread writer(AtomicBoolean stop, AtomicInteger writes, List<Throwable> errors) {
        Thread.start('test-writer') {
            def c = new SqlClient(db.openPrimary(), 'writer')
            c.execute("USE `${schema}`")
            c.connection().autoCommit = false
            def rnd = ThreadLocalRandom.current()
            int nextId = 100_000
            while (!stop.get()) {
                try {
                    int op = rnd.nextInt(4)
                    int id = rnd.nextInt(1, 6000)
                    String now = java.time.LocalDateTime.now().withNano(0).toString().replace('T', ' ')
                    int parent = rnd.nextInt(1, 5000)
                    int some = rnd.nextInt(1000)
                    for (t in ['control', 'referringitem']) {
                        switch (op) {
                            case 0: c.execute("INSERT INTO ${t} (${COLS}) VALUES (?, ?, ?, ?, ?)".toString(), nextId, parent, now, now, some); break
                            case 1: c.execute("UPDATE ${t} SET some_id = some_id + 1, updated_on = ? WHERE id = ?".toString(), now, id); break
                            case 2: c.execute("DELETE FROM ${t} WHERE id = ?".toString(), id); break
                            default: c.execute("UPDATE ${t} SET id = ? WHERE id = ?".toString(), nextId + 500_000, id)
                        }
                    }
                    c.connection().commit()
                    nextId++
                    writes.incrementAndGet()
                } catch (Throwable e) {
                    c.connection().rollback()
                    if (!(e.message =~ /Deadlock|Lock wait|Duplicate/)) {
                        errors << e
                    }
                }
                Thread.sleep(2)
            }
            c.close()
        }
    }

    /** ADD COLUMN note on referringitem with these options while the writer runs: [done, writes (during), errors]. */
    Map underWriter(MigrationOptions options) {
        def stop = new AtomicBoolean()
        def writes = new AtomicInteger()
        def errors = new ConcurrentLinkedQueue<Throwable>() as List
        def w = writer(stop, writes, errors)
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', options, listener)
        def done = awaitDone('referringitem')
        int during = writes.get()
        Thread.sleep(300)
        stop.set(true)
        w.join()
        [done: done, writes: during, errors: errors]
    }

    Progress awaitDone(String table) {
        def p = session.await(table, Duration.ofMinutes(5))
        assert p.phase().finished(): "still running: ${p}"
        p
    }

    def "ADD COLUMN on a child table under concurrent writes, copied by 3 lanes: equal to the control, FK name restored, artifacts gone"() {
        when:
        def run = underWriter(MigrationOptions.defaults().withChunkSize(500).withCopyThreads(3))

        then:
        run.done.phase() == Phase.DONE
        run.done.cutoverLockMillis() != null
        run.writes > 50
        run.errors.isEmpty()
        checksum('referringitem') == checksum('control')
        primarySql().value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND COLUMN_NAME = 'note'", schema) == 1
        primarySql().rows("SELECT CONSTRAINT_NAME AS n, TABLE_NAME AS t FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", schema)
                .collect { "${it.t}:${it.n}".toString() } == ['referringitem:baseitem_id_refs_id_2d6ba49a']
        primarySql().value("SELECT GROUP_CONCAT(TABLE_NAME ORDER BY TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_%'", schema) == '_referringitem_del'
        events.any { it.contains('cut-over done') && it.contains('ms') }
        events.any { it.startsWith('reading the binlog of ' + db.primary().describe()) }
        // incremental: the rows the writer changed were compared again at the consistent point
        events.any { it.startsWith('verified:') && (it =~ /at the consistent point \d+ chunks, [1-9]\d* changed rows/) }
    }

    def "with binlogFromReplica the binlog is read from the replica, under concurrent writes: equal to the control"() {
        when:
        def run = underWriter(MigrationOptions.defaults().withChunkSize(500).withBinlogFromReplica(true))

        then:
        run.done.phase() == Phase.DONE
        run.writes > 50
        run.errors.isEmpty()
        checksum('referringitem') == checksum('control')
        events.any { it.startsWith('reading the binlog of ' + db.replica().describe()) }
    }

    def "changes to rows the copy has not reached yet are left to the copy, and the result is exact"() {
        given: 'a slow copy, so the rows changed are well ahead of it'
        def slow = MigrationOptions.defaults().withChunkSize(100).withNiceRatio(10)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', slow, listener)
        waitFor { session.status()[0].phase() == Phase.COPY }
        ['referringitem', 'control'].each {
            primarySql().execute("UPDATE ${it} SET some_id = some_id + 7 WHERE id BETWEEN 4900 AND 4950".toString())
        }
        long copiedWhenChanged = session.status()[0].rowsCopied()
        def p = awaitDone('referringitem')

        then:
        copiedWhenChanged < 4000
        p.phase() == Phase.DONE
        events.any { it.startsWith('applier:') && (it =~ /; [1-9][\d,]* row writes skipped/) }
        checksum('referringitem') == checksum('control')
    }

    def "incremental verification: a wrong row the ghost has before the copy reaches it is found and re-copied"() {
        given: 'a slow copy, so the row is planted well ahead of it'
        def slow = MigrationOptions.defaults().withChunkSize(100).withNiceRatio(3)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', slow, listener)
        waitFor { session.status()[0].phase() == Phase.COPY }
        // as a faulty applier would: the copy's INSERT IGNORE then keeps this row
        primarySql().execute("""INSERT INTO _referringitem_gho (${COLS}) SELECT id, baseitem_id, created_on, updated_on,
                some_id + 1 FROM referringitem WHERE id = 4900""".toString())
        long copiedWhenPlanted = session.status()[0].rowsCopied()
        def p = awaitDone('referringitem')

        then:
        copiedWhenPlanted < 4000
        p.phase() == Phase.DONE
        events.any { it.startsWith('verification: re-copying key (') }
        events.any { it.startsWith('verified:') && it.contains('1 range(s) re-copied') }
        checksum('referringitem') == checksum('control')
    }

    def "full verification finds a row changed in the ghost after it was copied, and re-copies it"() {
        given:
        def postponed = MigrationOptions.defaults().withCutover(CutoverMode.MANUAL).withFullVerify(true)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', postponed, listener)
        waitFor { session.status()[0].awaitingCutover() }
        primarySql().execute("UPDATE _referringitem_gho SET some_id = some_id + 1 WHERE id = 7") // behind oscar's back
        session.cutover('referringitem')
        def p = awaitDone('referringitem')

        then:
        p.phase() == Phase.DONE
        events.any { it.startsWith('verified:') && it.contains('rows compared at the consistent point') && it.contains('1 range(s) re-copied') }
        checksum('referringitem') == checksum('control')
    }

    static <T> T waitFor(Closure<T> probe) {
        long deadline = System.nanoTime() + 60_000_000_000L
        while (System.nanoTime() < deadline) {
            T v = probe()
            if (v) {
                return v
            }
            Thread.sleep(20)
        }
        throw new AssertionError('condition not met within 60 s')
    }

    def "abort mid-copy: the original is unchanged and no artifacts are left"() {
        given:
        def before = checksum('referringitem')
        def slow = MigrationOptions.defaults().withChunkSize(50).withNiceRatio(5)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', slow, listener)
        waitFor { session.status()[0].rowsCopied() > 100 }
        session.abort('referringitem')
        def p = awaitDone('referringitem')

        then:
        p.phase() == Phase.ABORTED
        p.rowsCopied() < 6250
        checksum('referringitem') == before
        primarySql().value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_%'", schema) == 0
        primarySql().value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND COLUMN_NAME = 'note'", schema) == 0
    }

    def "a TRUNCATE of the original mid-copy (logged as a statement, not rows) stops the migration: nothing swapped, no artifacts"() {
        given: 'no verification: its snapshot reads may also stumble on the truncated table (error 1412); only the binlog may tell here'
        def slow = MigrationOptions.defaults().withChunkSize(50).withNiceRatio(5).withVerify(false)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', slow, listener)
        waitFor { session.status()[0].rowsCopied() > 100 }
        primarySql().execute('TRUNCATE TABLE referringitem')
        def p = awaitDone('referringitem')

        then: 'without the check the ghost kept every row and the cut-over brought them back'
        p.phase() == Phase.FAILED
        p.failure().contains('referringitem') && p.failure().contains('was truncated during the migration')
        primarySql().value('SELECT COUNT(*) FROM referringitem') == 0
        primarySql().value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_%'", schema) == 0
        primarySql().value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND COLUMN_NAME = 'note'", schema) == 0
    }

    def "a manual throttle stops the row copy; resume runs it to completion"() {
        given:
        def slow = MigrationOptions.defaults().withChunkSize(50).withNiceRatio(2)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', slow, listener)
        waitFor { session.status()[0].rowsCopied() > 100 }
        session.throttle(true)
        waitFor { session.status()[0].throttledBy() }
        long atPause = session.status()[0].rowsCopied()
        Thread.sleep(1500)
        long later = session.status()[0].rowsCopied()

        then:
        later - atPause <= 50 * slow.copyThreads() // at most the chunks in flight when the throttle engaged
        session.status()[0].throttledBy().contains('operator')
        session.status()[0].phase() == Phase.COPY

        when:
        session.throttle(false)
        def p = awaitDone('referringitem')

        then:
        p.phase() == Phase.DONE
        events.any { it.startsWith('throttled: throttled by the operator') }
        events.contains('throttle released')
    }

    def "a postponed cut-over waits at READY, keeping the ghost in sync, until told"() {
        given:
        def postponed = MigrationOptions.defaults().withCutover(CutoverMode.MANUAL)

        when:
        session.start('referringitem', 'ADD COLUMN note varchar(32) NULL', postponed, listener)
        waitFor { session.status()[0].awaitingCutover() }
        primarySql().execute("UPDATE referringitem SET some_id = 4242 WHERE id = 7")
        primarySql().execute("UPDATE control SET some_id = 4242 WHERE id = 7")
        Thread.sleep(500)

        then:
        session.status()[0].phase() == Phase.READY
        primarySql().value("SELECT some_id FROM _referringitem_gho WHERE id = 7") == 4242

        when:
        session.cutover('referringitem')
        def p = awaitDone('referringitem')

        then:
        p.phase() == Phase.DONE
        checksum('referringitem') == checksum('control')
        events.any { it.startsWith('ready for cut-over') }
    }
}
