package io.oscar.engine.cutover

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.db.Connector
import io.oscar.engine.inspect.Inspector
import io.oscar.engine.migrate.Pacer
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.SqlClient

import java.time.Duration

/**
 * The swap of a referenced table (ParentSwap) alone, as in CutOverIT: a parent {@code t} with a child
 * {@code t_kid} whose key references it, the ghost kept up to date by GhostFixture's applier, writers
 * running RESEARCH's child-then-parent transactions through the swap; and failed attempts, which must leave
 * the child's key on the original {@code t}.
 */
class ParentFkCutOverIT extends DatabaseSpec {
    static final int ROWS = 1000
    static final int WRITERS = 4
    static final Duration WAIT = Duration.ofSeconds(30)

    List<AutoCloseable> closeables = []

    def cleanup() {
        closeables.reverse().each { it.close() }
    }

    static void waitUntil(String what, Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + WAIT.toMillis()
        while (!condition()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after ${WAIT} waiting for ${what}")
            }
            Thread.sleep(2)
        }
    }

    static CutOverOptions fast() {
        CutOverOptions.defaults().withAttempts(1, Duration.ZERO)
    }

    /** GhostFixture's parent plus {@code <table>_kid(id, pid, w)}: children 1..rows/2 reference parents 1..rows/2. */
    GhostFixture fixture(String table, boolean cascade, int rows = ROWS) {
        def f = new GhostFixture(db, schema, table, rows)
        closeables << f
        def kid = kid(f)
        f.admin.execute("""CREATE TABLE ${kid.quoted()} (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, pid int NOT NULL,
            w int NOT NULL, KEY (pid), CONSTRAINT `${table}_kid_fk` FOREIGN KEY (pid) REFERENCES ${f.names.original().quoted()} (id)
            ON DELETE ${cascade ? 'CASCADE' : 'RESTRICT'}) ENGINE=InnoDB""".toString())
        f.admin.execute("INSERT INTO ${kid.quoted()} (id, pid, w) SELECT seq, seq, 0 FROM seq_1_to_${(int) (rows / 2)}".toString())
        f
    }

    TableName kid(GhostFixture f) {
        new TableName(schema, f.names.original().table() + '_kid')
    }

    List<ForeignKey> referencedBy(GhostFixture f) {
        new Inspector(f.admin.connection(), db.flavor()).table(f.names.original()).referencedBy()
    }

    CutOver cutOver(GhostFixture f, CutOverOptions options, CutOverListener listener = CutOverListener.NONE) {
        new CutOver(db.primary().withDatabase(schema), new Connector(), db.flavor(), f.names, f.drain(), options,
                Pacer.system(), listener, referencedBy(f))
    }

    /**
     * {name, table it references, delete rule} of the child's keys. A key added at foreign_key_checks=0 reports an
     * explicit RESTRICT as NO ACTION (MariaDB 10.11); InnoDB enforces both alike, immediately.
     */
    List<List<String>> keys(GhostFixture f) {
        f.admin.rows('''SELECT CONSTRAINT_NAME, REFERENCED_TABLE_NAME, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME''', schema, kid(f).table())
                .collect { [it.CONSTRAINT_NAME, it.REFERENCED_TABLE_NAME, it.DELETE_RULE == 'NO ACTION' ? 'RESTRICT' : it.DELETE_RULE] as List<String> }
    }

    Map<Integer, Integer> parents(GhostFixture f) {
        f.admin.rows("SELECT id, v FROM ${f.names.original().quoted()}".toString()).collectEntries { [(it.id as Integer): it.v as Integer] }
    }

    Map<Integer, Integer> children(GhostFixture f) {
        f.admin.rows("SELECT id, pid FROM ${kid(f).quoted()} WHERE w >= 0".toString()).collectEntries { [(it.id as Integer): it.pid as Integer] }
    }

    long orphans(GhostFixture f) {
        f.admin.value("""SELECT COUNT(*) FROM ${kid(f).quoted()} k LEFT JOIN ${f.names.original().quoted()} p ON p.id = k.pid
            WHERE p.id IS NULL""".toString()) as long
    }

    List<Map<String, Object>> locksOn(GhostFixture f) {
        def tables = [f.names.original(), f.names.ghost(), f.names.old(), kid(f)]*.table()
        f.admin.rows("""SELECT OBJECT_NAME, LOCK_TYPE, LOCK_STATUS FROM performance_schema.metadata_locks
            WHERE OBJECT_SCHEMA = ? AND OBJECT_NAME IN (?, ?, ?, ?)""".toString(), schema, *tables)
    }

    void dropAll(GhostFixture f) {
        f.admin.execute("DROP TABLE IF EXISTS ${kid(f).quoted()}".toString())
        f.dropAll()
    }

    /** One swap raced by writers; returns what it measured. */
    Map race(String table, boolean cascade, CutOverOptions options) {
        def f = fixture(table, cascade)
        def initialParents = parents(f)
        def initialChildren = children(f)
        def writers = (0..<WRITERS).collect {
            new ParentChildWriter(it, WRITERS, db.openPrimary(), f.names.original(), kid(f), cascade, initialParents, initialChildren)
        }
        writers.each { closeables << it.connection }
        f.startStreaming()
        def threads = writers.collect { w -> new Thread(w, "parentfk-writer-${w.index}").tap { start() } }
        waitUntil('writers started') { writers.every { it.ops.get() >= 10 } }
        f.copy()
        waitUntil('writes after the copy') { writers.every { it.ops.get() >= 40 } }
        f.drain().awaitAppliedUpToNow(WAIT)
        def result = cutOver(f, options).run()
        def after = writers.collect { it.ops.get() }
        waitUntil('writes after the swap') { writers.withIndex().every { w, i -> w.ops.get() >= after[i] + 30 } }
        writers*.stop = true
        threads*.join(WAIT.toMillis())

        Map<Integer, Integer> expectedParents = [:]
        Map<Integer, Integer> expectedChildren = [:]
        writers.each { expectedParents.putAll(it.parents); expectedChildren.putAll(it.children) }
        def out = [lockMs: result.lockMillis(), drainMs: f.lastDrainMs, attempts: result.attempts(), method: result.method(),
                   fatal: writers.collectMany { it.fatal }, retried: writers.sum { it.retried.get() },
                   timeouts: writers.sum { it.lockWaitTimeouts.get() }, accepted: writers.sum { it.probesAccepted.get() },
                   maxLatencyMs: writers.collect { it.maxLatencyNanos }.max() / 1e6, ops: writers.sum { it.ops.get() },
                   parentsOk: parents(f) == expectedParents, childrenOk: children(f) == expectedChildren, orphans: orphans(f),
                   keys: keys(f), columns: f.columns(f.names.original()), ghostExists: f.exists(f.names.ghost())]
        dropAll(f)
        out
    }

    def "race: #iterations parent swaps (#rule key) under child-then-parent transactions: key on the new t, nothing lost, no stall"() {
        given:
        def results = []

        when:
        String prefix = rule == 'CASCADE' ? 'pfk_c' : 'pfk_r'
        (1..iterations).each { i ->
            def r = race("${prefix}${i}", rule == 'CASCADE', fast())
            println "parent cut-over ${prefix}${i} (${rule}): lock ${String.format('%.2f', r.lockMs)} ms (drain ${String.format('%.2f', r.drainMs)} ms), " +
                    "${r.ops} writes, ${r.retried} retried (1213), ${r.timeouts} lock wait timeouts, max latency ${String.format('%.1f', r.maxLatencyMs)} ms, " +
                    "probes accepted ${r.accepted}, orphans ${r.orphans}, parents ok ${r.parentsOk}, children ok ${r.childrenOk}, fatal ${r.fatal}"
            results << r
        }
        def locks = results*.lockMs.sort()
        def swaps = results.collect { it.lockMs - it.drainMs }.sort()  // without the test applier's lag
        println "parent swap lock time over ${iterations} swaps (${rule}): median ${String.format('%.2f', locks[(int) (locks.size() / 2)])} ms, " +
                "max ${String.format('%.2f', locks.last())} ms; without the drain: median ${String.format('%.2f', swaps[(int) (swaps.size() / 2)])} ms, " +
                "max ${String.format('%.2f', swaps.last())} ms; max writer latency ${String.format('%.1f', results*.maxLatencyMs.max())} ms"

        then:
        results.every { it.fatal.isEmpty() && it.timeouts == 0 && it.accepted == 0 }
        results.every { it.parentsOk && it.childrenOk && it.orphans == 0 }
        results.every { it.attempts == 1 && it.method == 'sentry+fk-relays' }
        results.every { it.columns == ['id', 'v', 'note', 'extra'] && !it.ghostExists }
        results.withIndex().every { r, i -> r.keys == [["${prefix}${i + 1}_kid_fk".toString(), "${prefix}${i + 1}".toString(), rule]] }
        results.every { it.maxLatencyMs < 1500 }

        where:
        iterations | rule
        10         | 'RESTRICT'
        3          | 'CASCADE'
    }

    void assertBackOnOriginal(GhostFixture f, Map<Integer, Integer> parentsBefore, Map<Integer, Integer> childrenBefore) {
        assert keys(f) == [["${f.names.original().table()}_kid_fk".toString(), f.names.original().table(), 'RESTRICT']]
        assert f.columns(f.names.original()) == ['id', 'v', 'note']
        assert parents(f) == parentsBefore
        assert children(f) == childrenBefore
        assert f.exists(f.names.ghost())
        assert !f.exists(f.names.old())
        assert locksOn(f).isEmpty()
        def probe = new SqlClient(db.openPrimary(), 'probe')
        try {
            probe.execute("USE `${schema}`")
            probe.execute('SET SESSION lock_wait_timeout = 1')
            probe.execute("INSERT INTO ${kid(f).quoted()} (pid, w) VALUES (1, -1)".toString())
            probe.execute("UPDATE ${f.names.original().quoted()} SET v = v + 1 WHERE id = 1".toString())
            assert rejected { probe.execute("INSERT INTO ${kid(f).quoted()} (pid, w) VALUES (2000000000, -1)".toString()) } == 1452
            assert rejected { probe.execute("DELETE FROM ${f.names.original().quoted()} WHERE id = 2".toString()) } == 1451
        } finally {
            probe.close()
        }
    }

    static int rejected(Closure statement) {
        try {
            statement()
            return 0
        } catch (IllegalStateException e) {
            return (e.cause as java.sql.SQLException).errorCode
        }
    }

    def "the drain times out: the key never moved, t intact and writable"() {
        given:
        def f = fixture('pfk_drain', false, 200).startStreaming()
        f.copy()
        def (p, c) = [parents(f), children(f)]
        f.lagging = true

        when:
        cutOver(f, fast().withDrainTimeout(Duration.ofMillis(300))).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CUTOVER_FAILED
        e.message.contains('did not catch up')
        e.message.contains('its children\'s foreign keys reference it')
        assertBackOnOriginal(f, p, c)
    }

    def "the renamer is killed after the re-point: the locker points the key back, t intact and writable"() {
        given:
        def f = fixture('pfk_kill', false, 200).startStreaming()
        f.copy()
        def (p, c) = [parents(f), children(f)]
        def killer = new SqlClient(db.openPrimary(), 'killer')
        closeables << killer
        List<List<String>> keysWhileQueued = null
        def listener = new CutOverListener() {
            void renameQueued(int attempt, long renamer) {
                keysWhileQueued = keys(f)
                killer.execute("KILL QUERY ${renamer}".toString())
            }
        }

        when:
        cutOver(f, fast(), listener).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CUTOVER_FAILED
        keysWhileQueued == [['pfk_kill_kid_fk', '_pfk_kill_gho', 'RESTRICT']]
        assertBackOnOriginal(f, p, c)
    }

    def "the locker's connection dies after the re-point: the relays point the key back, t intact and writable"() {
        given:
        def f = fixture('pfk_locker', false, 200).startStreaming()
        f.copy()
        def (p, c) = [parents(f), children(f)]
        def killer = new SqlClient(db.openPrimary(), 'killer')
        closeables << killer
        def listener = new CutOverListener() {
            void renameQueued(int attempt, long renamer) {
                def locker = killer.value('''SELECT t.PROCESSLIST_ID FROM performance_schema.metadata_locks m
                    JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID
                    WHERE m.OBJECT_SCHEMA = ? AND m.OBJECT_NAME = ? AND m.LOCK_STATUS = 'GRANTED' AND m.LOCK_TYPE LIKE 'SHARED_NO_READ_WRITE%' ''',
                        schema, 'pfk_locker')
                killer.execute("KILL CONNECTION ${locker}".toString())
            }
        }

        when:
        cutOver(f, fast(), listener).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CUTOVER_FAILED
        assertBackOnOriginal(f, p, c)
    }

    def "a failed first attempt, then the second swaps: the key follows to the new t"() {
        given:
        def f = fixture('pfk_retry', true, 200).startStreaming()
        f.copy()
        def (p, c) = [parents(f), children(f)]
        def killer = new SqlClient(db.openPrimary(), 'killer')
        closeables << killer
        def listener = new CutOverListener() {
            void renameQueued(int attempt, long renamer) {
                if (attempt == 1) {
                    killer.execute("KILL QUERY ${renamer}".toString())
                }
            }
        }

        when:
        def result = cutOver(f, fast().withAttempts(2, Duration.ofMillis(50)), listener).run()

        then:
        result.attempts() == 2
        result.method() == 'sentry+fk-relays'
        keys(f) == [['pfk_retry_kid_fk', 'pfk_retry', 'CASCADE']]
        f.columns(f.names.original()) == ['id', 'v', 'note', 'extra']
        parents(f) == p
        children(f) == c
        orphans(f) == 0
        !f.exists(f.names.ghost())
    }
}
