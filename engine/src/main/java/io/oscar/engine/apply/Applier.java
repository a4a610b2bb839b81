package io.oscar.engine.apply;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.binlog.BinlogPosition;
import io.oscar.engine.binlog.RowChange;
import io.oscar.engine.binlog.RowChangeListener;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.migrate.Pacer;
import io.oscar.engine.schema.RowKey;
import io.oscar.engine.sql.ApplySql;
import io.oscar.engine.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Queues row changes from the binlog and applies them to the ghost table, in binlog order: a write or
 * an update becomes REPLACE of the new row (an update that moves the key first deletes the old key), a
 * delete becomes DELETE by key. Consecutive operations of one kind go in one multi-row statement, a
 * batch in one transaction. The queue is bounded twice, by changes and by bytes (a table of 1 MB BLOBs must
 * not queue 20,000 of them): when either is full, {@link #onChange} blocks the binlog reader. Statements
 * are bounded by rows and by bytes too, so one stays well under max_allowed_packet.
 * <p>
 * {@link #onChange} runs on the streamer's thread; everything else on the writer's thread.
 */
public final class Applier implements RowChangeListener {
    private static final int ROWS_PER_STATEMENT = 200;
    /** Bytes of row values per statement (a single larger row still goes, alone). */
    private static final long BYTES_PER_STATEMENT = 4L << 20;
    /** Bytes of row values queued, in KiB permits. */
    static final int QUEUE_KIB = 64 << 10;
    private static final int ATTEMPTS = 5;

    private final StatementRunner writer;
    private final ApplyTarget target;
    private final Pacer pacer;
    private final BlockingQueue<Queued> queue;
    private final Semaphore queuedKib = new Semaphore(QUEUE_KIB);
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong enqueued = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private volatile BinlogPosition lastApplied;
    private volatile Consumer<Object[]> touched = key -> { };
    private volatile Predicate<Object[]> notCopiedYet = key -> false;
    private final AtomicLong skipped = new AtomicLong();

    public Applier(StatementRunner writer, ApplyTarget target, Pacer pacer, int capacity) {
        this.writer = writer;
        this.target = target;
        this.pacer = pacer;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** A queued change with its share of the byte bound, weighed once. */
    private record Queued(RowChange change, int kib) {
    }

    @Override
    public void onChange(RowChange change) {
        try {
            int kib = kib(change);
            queuedKib.acquire(kib);
            queue.put(new Queued(change, kib));
            enqueued.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OscarException(ErrorCode.BINLOG_FAILED, "interrupted while queueing a change for " + target.ghost(), e);
        }
    }

    /**
     * Called on the writer's thread, after each batch commits and before it counts as applied, with the
     * ghost key of every row the batch wrote or deleted (the incremental verification's record).
     */
    public void onTouched(Consumer<Object[]> keys) {
        this.touched = keys;
    }

    /**
     * Rows whose ghost key this says the copy has not reached yet are not written: the copy will read
     * them as they are then (see {@code CopyWatermark}). Asked on the writer's thread, when a batch is built.
     */
    public void skipWhere(Predicate<Object[]> keyNotCopiedYet) {
        this.notCopiedYet = keyNotCopiedYet;
    }

    /** Row writes and deletes left out because the copy had not reached the row yet. */
    public long skippedCount() {
        return skipped.get();
    }

    /** Changes queued and not applied yet. */
    public int backlog() {
        return queue.size();
    }

    /** Changes handed over by the streamer so far (applied or queued). */
    public long enqueuedCount() {
        return enqueued.get();
    }

    public long appliedCount() {
        return applied.get();
    }

    /** Time spent applying (building and running statements, committing): the applier's capacity is count / this. */
    public Duration busy() {
        return Duration.ofNanos(busyNanos.get());
    }

    /** The binlog position after the last applied change, null before the first. */
    public BinlogPosition lastApplied() {
        return lastApplied;
    }

    /** Waits up to {@code timeout} for a change to arrive; true if one is queued. */
    public boolean awaitChange(Duration timeout) throws InterruptedException {
        if (!queue.isEmpty()) {
            return true;
        }
        Queued c = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            return false;
        }
        applyAndRelease(List.of(c));
        return true;
    }

    /** Applies up to {@code max} queued changes in one transaction; returns how many. */
    public int applyBatch(int max) {
        List<Queued> batch = new ArrayList<>(Math.min(max, queue.size()));
        queue.drainTo(batch, max);
        if (!batch.isEmpty()) {
            applyAndRelease(batch);
        }
        return batch.size();
    }

    /** Applies the changes, then gives their bytes back to the queue's bound. */
    private void applyAndRelease(List<Queued> taken) {
        List<RowChange> changes = new ArrayList<>(taken.size());
        int kib = 0;
        for (Queued q : taken) {
            changes.add(q.change());
            kib += q.kib();
        }
        applyAll(changes);
        queuedKib.release(kib);
    }

    /** The change's share of the byte bound: its values' size in KiB, at least 1, at most the whole bound. */
    static int kib(RowChange c) {
        long bytes = RowBytes.of(c.before()) + RowBytes.of(c.after());
        return (int) Math.max(1, Math.min(QUEUE_KIB, (bytes + 1023) >> 10));
    }

    private void applyAll(List<RowChange> batch) {
        long t0 = System.nanoTime();
        List<Object[]> keys = new ArrayList<>(batch.size());
        List<SqlStatement> statements = statements(batch, keys);
        for (int attempt = 1; ; attempt++) {
            try {
                inTransaction(statements);
                break;
            } catch (OscarException e) {
                if (attempt >= ATTEMPTS || !StatementRunner.retryable(e)) {
                    throw e;
                }
                pacer.pause(Duration.ofMillis(20L << attempt));
            }
        }
        keys.forEach(touched);
        busyNanos.addAndGet(System.nanoTime() - t0);
        applied.addAndGet(batch.size());
        lastApplied = batch.get(batch.size() - 1).position();
    }

    private void inTransaction(List<SqlStatement> statements) {
        if (statements.size() == 1) {
            writer.update(statements.get(0));   // atomic by itself: no SET autocommit / COMMIT round trips
            return;
        }
        Connection c = writer.connection();
        try {
            c.setAutoCommit(false);
            try {
                statements.forEach(writer::update);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new OscarException(ErrorCode.SQL_FAILED, "applying changes to " + target.ghost() + " on "
                    + writer.where() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Consecutive upserts, then consecutive deletes, ...: in order. Within one run of the same kind, a key
     * written several times is written once, with its last values (repeated changes coalesced); each run
     * goes out in statements of bounded size.
     */
    List<SqlStatement> statements(List<RowChange> batch) {
        return statements(batch, new ArrayList<>());
    }

    /** As {@link #statements(List)}, adding the ghost key of each row written or deleted to {@code keys}. */
    private List<SqlStatement> statements(List<RowChange> batch, List<Object[]> keys) {
        List<SqlStatement> out = new ArrayList<>();
        LinkedHashMap<RowKey, Object[]> run = new LinkedHashMap<>();
        boolean runIsDelete = false;
        for (RowChange c : batch) {
            for (Op op : ops(c)) {
                Object[] keyValues = op.delete ? op.values : target.keyOfValues(op.values);
                if (notCopiedYet.test(keyValues)) {
                    skipped.incrementAndGet();
                    continue;
                }
                if (op.delete != runIsDelete && !run.isEmpty()) {
                    flush(out, runIsDelete, run);
                }
                runIsDelete = op.delete;
                keys.add(keyValues);
                RowKey key = new RowKey(keyValues);
                run.remove(key);
                run.put(key, op.values);
            }
        }
        if (!run.isEmpty()) {
            flush(out, runIsDelete, run);
        }
        return out;
    }

    private void flush(List<SqlStatement> out, boolean delete, LinkedHashMap<RowKey, Object[]> run) {
        List<Object[]> rows = new ArrayList<>();
        long bytes = 0;
        for (Object[] row : run.values()) {
            long size = RowBytes.of(row);
            if (!rows.isEmpty() && (rows.size() >= ROWS_PER_STATEMENT || bytes + size > BYTES_PER_STATEMENT)) {
                out.add(statement(delete, rows));
                rows = new ArrayList<>();
                bytes = 0;
            }
            rows.add(row);
            bytes += size;
        }
        if (!rows.isEmpty()) {
            out.add(statement(delete, rows));
        }
        run.clear();
    }

    private SqlStatement statement(boolean delete, List<Object[]> rows) {
        return delete ? ApplySql.delete(target.ghost(), target.ghostKeyColumns(), rows)
                : ApplySql.replace(target.ghost(), target.ghostColumns(), rows);
    }

    /**
     * A shared key allowed to be nullable (allowNullableUniqueKey) holds no NULL when the migration starts (the
     * preflight checks); a row written with one afterwards could be neither copied (the copy walks the key) nor
     * matched (NULL equals nothing): the migration stops rather than lose it.
     */
    private static Object[] requireKey(RowChange c, Object[] key) {
        for (Object v : key) {
            if (v == null) {
                throw new io.oscar.engine.api.OscarException(io.oscar.engine.api.ErrorCode.DATA_LOSS, "a row of " + c.table()
                        + " with NULL in the shared key was written during the migration (" + c.kind() + "): oscar copies"
                        + " and matches rows by that key and cannot migrate it, so it stopped; nothing was swapped. Make the"
                        + " key's columns NOT NULL (or add a NOT NULL unique key) and run again");
            }
        }
        return key;
    }

    private record Op(boolean delete, Object[] values) {
    }

    private List<Op> ops(RowChange c) {
        Object[] oldKey = c.before() == null ? null : requireKey(c, target.key(c.before()));
        Object[] newKey = c.after() == null ? null : requireKey(c, target.key(c.after()));
        return switch (c.kind()) {
            case INSERT -> List.of(new Op(false, target.values(c.after())));
            case DELETE -> List.of(new Op(true, oldKey));
            case UPDATE -> Arrays.deepEquals(oldKey, newKey)
                    ? List.of(new Op(false, target.values(c.after())))
                    : List.of(new Op(true, oldKey), new Op(false, target.values(c.after())));
        };
    }
}
