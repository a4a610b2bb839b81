package io.oscar.engine.cutover

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.schema.TableName
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.SqlClient

import java.time.Duration
import java.util.concurrent.CompletableFuture

class CutOverIT extends DatabaseSpec {
    static final int ROWS = 2000
    static final int WRITERS = 4
    static final Duration WAIT = Duration.ofSeconds(30)

    List<AutoCloseable> closeables = []

    def cleanup() {
        closeables.reverse().each { it.close() }
    }

    GhostFixture fixture(String table, int rows = ROWS) {
        def f = new GhostFixture(db, schema, table, rows)
        closeables << f
        f
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

    /** One migration raced by writers through the cut-over; returns what it measured. */
    Map race(String table, CutOverOptions options) {
        def f = fixture(table)
        def initial = f.content(f.names.original())
        def writers = (0..<WRITERS).collect { new RaceWriter(it, WRITERS, db.openPrimary(), f.names.original(), initial) }
        writers.each { closeables << it.connection }
        f.startStreaming()
        def threads = writers.collect { w -> new Thread(w, "race-writer-${w.index}").tap { start() } }
        waitUntil('writers started') { writers.every { it.ops.get() >= 10 } }
        f.copy()
        waitUntil('writes after the copy') { writers.every { it.ops.get() >= 40 } }

        f.drain().awaitAppliedUpToNow(WAIT)  // a migration cuts over once the applier has caught up
        long lockedAt = 0
        def listener = new CutOverListener() {
            void locked(int attempt) { lockedAt = System.nanoTime() }
        }
        def result = f.cutOver(options, listener).run()
        long unlockedAt = System.nanoTime()
        def after = writers.collect { it.ops.get() }
        waitUntil('writes after the swap') { writers.withIndex().every { w, i -> w.ops.get() >= after[i] + 30 } }
        writers*.stop = true
        threads*.join(WAIT.toMillis())

        Map<Integer, List> expected = [:]
        writers.each { expected.putAll(it.model) }
        def actual = f.content(f.names.original())
        def out = [lockMs: result.lockMillis(), drainMs: f.lastDrainMs, attempts: result.attempts(), warnings: result.warnings(),
                   fatal: writers.collectMany { it.fatal }, retried: writers.sum { it.retried.get() },
                   blocked: writers.sum { it.overlapping(lockedAt, unlockedAt) }, ops: writers.sum { it.ops.get() },
                   missing: expected.keySet() - actual.keySet(), extra: actual.keySet() - expected.keySet(),
                   stale: expected.findAll { id, row -> actual.containsKey(id) && actual[id] != row }.keySet(),
                   columns: f.columns(f.names.original()), oldExists: f.exists(f.names.old()), ghostExists: f.exists(f.names.ghost()),
                   rows: actual.size()]
        f.dropAll()
        out
    }

    def "race: #iterations swaps with 4 writers through each, no acknowledged write lost (probe #probe, table #prefix*)"() {
        given:
        def results = []

        when:
        (1..iterations).each { i ->
            def r = race("${prefix}${i}", fast().withAttempts(3, Duration.ofMillis(100)).withProbe(probe))
            println "cut-over ${prefix}${i}: lock ${String.format('%.2f', r.lockMs)} ms (drain ${String.format('%.2f', r.drainMs)} ms), attempts ${r.attempts}, " +
                    "${r.ops} writes (${r.blocked} blocked by the swap, ${r.retried} retried), ${r.rows} rows; " +
                    "missing ${r.missing.size()}, extra ${r.extra.size()}, stale ${r.stale.size()}, fatal ${r.fatal}"
            results << r
        }
        def locks = results*.lockMs.sort()
        def swaps = results.collect { it.lockMs - it.drainMs }.sort()  // the lock time without the test applier's lag
        println "lock time over ${iterations} swaps (${probe}): median ${String.format('%.2f', locks[(int) (locks.size() / 2)])} ms, " +
                "max ${String.format('%.2f', locks.last())} ms; without the drain: median ${String.format('%.2f', swaps[(int) (swaps.size() / 2)])} ms, " +
                "max ${String.format('%.2f', swaps.last())} ms; writes blocked by a swap and then applied to the new table: " +
                "${results.sum { it.blocked }}"

        then:
        results.every { it.fatal.isEmpty() }
        results.every { it.missing.isEmpty() && it.extra.isEmpty() && it.stale.isEmpty() }
        results.every { it.columns == ['id', 'v', 'note', 'extra'] }
        results.every { it.oldExists && !it.ghostExists }
        results.every { it.attempts == 1 }
        results.sum { it.blocked } > 0
        swaps[(int) (swaps.size() / 2)] < 100

        where:
        iterations | prefix   | probe
        20         | 'race_'  | CutOverOptions.ProbeMode.METADATA_LOCKS
        5          | 'Race_'  | CutOverOptions.ProbeMode.PROCESSLIST
    }

    void assertRolledBack(GhostFixture f, Map<Integer, List> before) {
        assert f.exists(f.names.original())
        assert f.columns(f.names.original()) == ['id', 'v', 'note']
        assert f.content(f.names.original()) == before
        assert f.exists(f.names.ghost())
        assert !f.exists(f.names.old())
        assert f.lingeringLocks().isEmpty()
        def probe = new SqlClient(db.openPrimary(), 'probe')
        try {
            probe.execute('SET SESSION lock_wait_timeout = 1')
            probe.execute("INSERT INTO ${f.names.original().quoted()} (v, note) VALUES (1, 'after')".toString())
        } finally {
            probe.close()
        }
    }

    def "the drain times out: t intact with its data, sentry dropped, no locks left, ghost kept; a writer blocked meanwhile lands in t"() {
        given:
        def f = fixture('drain_fail', 200).startStreaming()
        f.copy()
        def before = f.content(f.names.original())
        f.lagging = true
        CompletableFuture<Integer> blockedWrite = null
        def listener = new CutOverListener() {
            void locked(int attempt) {
                blockedWrite = CompletableFuture.supplyAsync {
                    def w = new SqlClient(db.openPrimary(), 'blocked writer')
                    try {
                        w.execute("INSERT INTO ${f.names.original().quoted()} (id, v, note) VALUES (100000, 1, 'blocked')".toString())
                    } finally {
                        w.close()
                    }
                }
                waitUntil('the writer to block') { f.lingeringLocks().any { it.LOCK_STATUS == 'PENDING' } }
            }
        }

        when:
        f.cutOver(fast().withDrainTimeout(Duration.ofMillis(500)), listener).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CUTOVER_FAILED
        e.message.contains('did not catch up within 500 ms')
        e.message.contains("${f.names.original()} is unchanged")
        blockedWrite.get() == 1
        assertRolledBack(f, before + [(100000): [1, 'blocked']])
    }

    def "the renamer is killed while queued: t intact, sentry dropped, no locks left, ghost kept"() {
        given:
        def f = fixture('rename_killed', 200).startStreaming()
        f.copy()
        def before = f.content(f.names.original())
        def killer = new SqlClient(db.openPrimary(), 'killer')
        closeables << killer
        def listener = new CutOverListener() {
            void renameQueued(int attempt, long renamer) { killer.execute("KILL QUERY ${renamer}".toString()) }
        }

        when:
        f.cutOver(fast(), listener).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CUTOVER_FAILED
        e.message.contains('the RENAME ended')
        assertRolledBack(f, before)
    }

    def "a renamer killed in the first attempt: the second attempt swaps and says so"() {
        given:
        def f = fixture('rename_retry', 200).startStreaming()
        f.copy()
        def before = f.content(f.names.original())
        def killer = new SqlClient(db.openPrimary(), 'killer')
        closeables << killer
        def failed = []
        def listener = new CutOverListener() {
            void renameQueued(int attempt, long renamer) {
                if (attempt == 1) {
                    killer.execute("KILL QUERY ${renamer}".toString())
                }
            }
            void attemptFailed(int attempt, OscarException e) { failed << attempt }
        }

        when:
        def result = f.cutOver(fast().withAttempts(3, Duration.ofMillis(50)), listener).run()

        then:
        result.attempts() == 2
        result.method() == 'sentry'
        failed == [1]
        result.warnings().size() == 1
        result.warnings()[0].contains('attempt 1')
        f.columns(f.names.original()) == ['id', 'v', 'note', 'extra']
        f.content(f.names.original()) == before
        f.content(f.names.old()) == before
        !f.exists(f.names.ghost())
    }

    def "a _t_del left from an earlier run is refused before anything is locked"() {
        given:
        def f = fixture('leftover', 50).startStreaming()
        f.copy()
        f.admin.execute("CREATE TABLE ${f.names.old().quoted()} LIKE ${f.names.original().quoted()}".toString())
        def before = f.content(f.names.original())
        boolean locked = false
        def listener = new CutOverListener() {
            void locked(int attempt) { locked = true }
        }

        when:
        f.cutOver(fast().withAttempts(3, Duration.ZERO), listener).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.PREFLIGHT_FAILED
        e.message.contains("table ${f.names.old()} already exists")
        e.message.contains('original table of an earlier migration')
        !locked
        f.content(f.names.original()) == before
        f.exists(f.names.ghost())
        f.exists(f.names.old())
    }

    def "the processlist probe is refused for a table that sorts after its sentry"() {
        given:
        def f = fixture('lower', 10)

        when:
        f.cutOver(fast().withProbe(CutOverOptions.ProbeMode.PROCESSLIST)).run()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.PREFLIGHT_FAILED
        e.message.contains('sorts after its sentry')
        !f.exists(f.names.old())
    }
}
