package io.oscar.engine.cutover

import io.oscar.engine.schema.TableName

import java.sql.Connection
import java.sql.SQLException
import java.sql.Statement
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicInteger

/**
 * A writer of the parent-FK race: works on the parents it owns ({@code id % writers == index}) and their
 * children, and keeps an exact model. Its mix carries RESEARCH's deadlock pattern: transactions that insert
 * a child and then update its parent; also parent inserts, child deletes, parent updates, parent deletes
 * (cascading to the children when the key says so) and probes that must fail with 1452 (a child of a
 * parent that does not exist). 1213 is retryable (F13: the locker's multi-table LOCK may pick the writer
 * as deadlock victim); 1205 is counted apart: it is the stall the relays must prevent.
 */
class ParentChildWriter implements Runnable {
    final int index
    final Connection connection
    final TableName parent
    final TableName child
    final boolean cascade
    final Map<Integer, Integer> parents = [:]
    final Map<Integer, Integer> children = [:]
    final AtomicInteger ops = new AtomicInteger()
    final AtomicInteger retried = new AtomicInteger()
    final AtomicInteger lockWaitTimeouts = new AtomicInteger()
    final AtomicInteger probesAccepted = new AtomicInteger()
    final List<String> fatal = Collections.synchronizedList([])
    volatile long maxLatencyNanos
    volatile boolean stop

    ParentChildWriter(int index, int writers, Connection connection, TableName parent, TableName child, boolean cascade,
                      Map<Integer, Integer> initialParents, Map<Integer, Integer> initialChildren) {
        this.index = index
        this.connection = connection
        this.parent = parent
        this.child = child
        this.cascade = cascade
        initialParents.each { id, v -> if (id % writers == index) { parents[id] = v } }
        initialChildren.each { id, pid -> if (pid % writers == index) { children[id] = pid } }
    }

    @Override
    void run() {
        def rnd = ThreadLocalRandom.current()
        while (!stop) {
            int op = rnd.nextInt(100)
            int v = rnd.nextInt(1000)
            List<Integer> own = parents.keySet() as List
            int pid = own.isEmpty() ? -1 : own[rnd.nextInt(own.size())]
            List<Integer> kids = children.keySet() as List
            int kid = kids.isEmpty() ? -1 : kids[rnd.nextInt(kids.size())]
            long start = System.nanoTime()
            try {
                step(op, v, pid, kid)
                ops.incrementAndGet()
                maxLatencyNanos = Math.max(maxLatencyNanos, System.nanoTime() - start)
            } catch (SQLException e) {
                rollbackQuietly()
                if (e.errorCode == 1205) {
                    lockWaitTimeouts.incrementAndGet()
                } else if (e.errorCode in [1213, 1412]) {
                    retried.incrementAndGet()
                } else {
                    fatal << "${e.errorCode}: ${e.message}".toString()
                }
            }
            Thread.sleep(rnd.nextInt(2))  // pacing the load, not waiting for a condition
        }
    }

    private void step(int op, int v, int pid, int kid) {
        if (pid < 0 || op < 20) {
            insertParent(v)
        } else if (op < 55) {
            childThenParent(pid, v)
        } else if (op < 70 && kid >= 0) {
            deleteChild(kid)
        } else if (op < 85) {
            exec("UPDATE ${parent.quoted()} SET v = ? WHERE id = ?", v, pid)
            parents[pid] = v
        } else if (op < 92 && (cascade || !children.containsValue(pid))) {
            deleteParent(pid)
        } else {
            probe()
        }
    }

    /** RESEARCH's deadlock pattern: the child first, then its parent, in one transaction. */
    private void childThenParent(int pid, int v) {
        connection.autoCommit = false
        int id = insert("INSERT INTO ${child.quoted()} (pid, w) VALUES (?, ?)", pid, index)
        exec("UPDATE ${parent.quoted()} SET v = ? WHERE id = ?", v, pid)
        connection.commit()
        connection.autoCommit = true
        children[id] = pid
        parents[pid] = v
    }

    private void insertParent(int v) {
        int id = insert("INSERT INTO ${parent.quoted()} (v, note) VALUES (?, 'w${index}')", v)
        parents[id] = v
    }

    private void deleteChild(int id) {
        exec("DELETE FROM ${child.quoted()} WHERE id = ?", id)
        children.remove(id)
    }

    private void deleteParent(int pid) {
        exec("DELETE FROM ${parent.quoted()} WHERE id = ?", pid)
        parents.remove(pid)
        children.removeAll { it.value == pid }
    }

    /** Must fail with 1452: an accepted row means the key was not enforced at that moment. */
    private void probe() {
        try {
            exec("INSERT INTO ${child.quoted()} (pid, w) VALUES (2000000000, ?)", index)
            probesAccepted.incrementAndGet()
        } catch (SQLException e) {
            if (e.errorCode != 1452) {
                throw e
            }
        }
    }

    private void exec(GString sql, Object... args) {
        def ps = connection.prepareStatement(sql.toString())
        try {
            args.eachWithIndex { a, i -> ps.setObject(i + 1, a) }
            ps.executeUpdate()
        } finally {
            ps.close()
        }
    }

    private int insert(GString sql, Object... args) {
        def ps = connection.prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS)
        try {
            args.eachWithIndex { a, i -> ps.setObject(i + 1, a) }
            ps.executeUpdate()
            def keys = ps.generatedKeys
            keys.next()
            keys.getLong(1) as int
        } finally {
            ps.close()
        }
    }

    private void rollbackQuietly() {
        try {
            if (!connection.autoCommit) {
                connection.rollback()
                connection.autoCommit = true
            }
        } catch (SQLException ignored) {
            // the next statement will tell
        }
    }
}
