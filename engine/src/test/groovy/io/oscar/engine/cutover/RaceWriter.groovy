package io.oscar.engine.cutover

import io.oscar.engine.schema.TableName

import java.sql.Connection
import java.sql.SQLException
import java.sql.Statement
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicInteger

/**
 * A writer of the race test: inserts, updates and deletes rows it owns (preloaded ids with
 * {@code id % writers == index}, and the ids it inserted), and keeps an exact model of them: every
 * acknowledged write lands in {@link #model}. Retryable errors (1205, 1213, 1412) are counted and the
 * operation retried; any other error is recorded as fatal.
 */
class RaceWriter implements Runnable {
    static final List<Integer> RETRYABLE = [1205, 1213, 1412]

    final int index
    final Connection connection
    final TableName table
    final Map<Integer, List> model = [:]
    final AtomicInteger ops = new AtomicInteger()
    final List<String> fatal = Collections.synchronizedList([])
    final AtomicInteger retried = new AtomicInteger()
    /** {@code [startNanos, endNanos]} of every acknowledged write, to count those the cut-over blocked. */
    final List<long[]> timings = Collections.synchronizedList([])
    volatile boolean stop
    private final List<Integer> own = []
    private int inserted

    RaceWriter(int index, int writers, Connection connection, TableName table, Map<Integer, List> initial) {
        this.index = index
        this.connection = connection
        this.table = table
        initial.each { id, row ->
            if (id % writers == index) {
                model[id] = row
                own << id
            }
        }
    }

    @Override
    void run() {
        def rnd = ThreadLocalRandom.current()
        while (!stop) {
            int r = rnd.nextInt(100)
            try {
                long start = System.nanoTime()
                if (r < 40 || own.isEmpty()) {
                    insert(rnd.nextInt(1000))
                } else if (r < 80) {
                    update(own[rnd.nextInt(own.size())], rnd.nextInt(1000))
                } else {
                    delete(own[rnd.nextInt(own.size())])
                }
                timings << ([start, System.nanoTime()] as long[])
                ops.incrementAndGet()
            } catch (SQLException e) {
                if (e.errorCode in RETRYABLE) {
                    retried.incrementAndGet()
                } else {
                    fatal << "${e.errorCode}: ${e.message}".toString()
                }
            }
            Thread.sleep(rnd.nextInt(3))  // pacing the load, not waiting for a condition
        }
    }

    private void insert(int v) {
        String note = "w${index}-${++inserted}"
        def ps = connection.prepareStatement("INSERT INTO ${table.quoted()} (v, note) VALUES (?, ?)".toString(), Statement.RETURN_GENERATED_KEYS)
        try {
            ps.setInt(1, v)
            ps.setString(2, note)
            ps.executeUpdate()
            def keys = ps.generatedKeys
            keys.next()
            int id = keys.getLong(1) as int
            model[id] = [v, note]
            own << id
        } finally {
            ps.close()
        }
    }

    private void update(int id, int v) {
        def ps = connection.prepareStatement("UPDATE ${table.quoted()} SET v = ?, note = CONCAT(LEFT(note, 40), '+') WHERE id = ?".toString())
        try {
            ps.setInt(1, v)
            ps.setInt(2, id)
            if (ps.executeUpdate() != 1) {
                fatal << "update of own row ${id} changed no row".toString()
                return
            }
            model[id] = [v, (model[id][1] as String).take(40) + '+']
        } finally {
            ps.close()
        }
    }

    private void delete(int id) {
        def ps = connection.prepareStatement("DELETE FROM ${table.quoted()} WHERE id = ?".toString())
        try {
            ps.setInt(1, id)
            if (ps.executeUpdate() != 1) {
                fatal << "delete of own row ${id} deleted no row".toString()
                return
            }
            model.remove(id)
            own.remove((Object) id)
        } finally {
            ps.close()
        }
    }

    /** Writes that started before {@code unlockedAt} and ended after {@code lockedAt}: blocked by the cut-over. */
    int overlapping(long lockedAt, long unlockedAt) {
        synchronized (timings) {
            timings.count { it[0] < unlockedAt && it[1] > lockedAt } as int
        }
    }
}
