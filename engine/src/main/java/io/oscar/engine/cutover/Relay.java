package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.CutOverSql;
import io.oscar.engine.sql.SqlStatement;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A relay session (docs/RESEARCH-fk-cutover.md, F6): its lock request on {@code table} is queued while the
 * locker still holds that table, and at the locker's UNLOCK it is granted ahead of the application's
 * writes queued earlier (but after the RENAME's EXCLUSIVE). It then holds the table until the RENAME has
 * finished, so no application transaction can write a child and wait on the parent in between: the
 * undetected deadlock of F4. The lock statement runs on its own named thread; once it is granted, the
 * relay's connection may run the guardian's statements (re-pointing a child's keys back) from the caller.
 */
final class Relay implements AutoCloseable {
    private final TableName table;
    private final StatementRunner runner;
    private final long connectionId;
    private final CompletableFuture<Void> granted = new CompletableFuture<>();
    private volatile boolean issued;
    private boolean released;

    private Relay(TableName table, StatementRunner runner, long connectionId) {
        this.table = table;
        this.runner = runner;
        this.connectionId = connectionId;
    }

    /** Opens the session before anything is locked: {@code lockWait} must outlast the locker's longest hold. */
    static Relay prepare(Sessions sessions, TableName table, Duration lockWait) {
        StatementRunner runner = sessions.open("cut-over relay on " + table.table());
        try {
            runner.update(CutOverSql.lockWaitTimeout(lockWait));
            long id = Long.parseLong(runner.queryString(CutOverSql.connectionId()).orElseThrow());
            return new Relay(table, runner, id);
        } catch (RuntimeException e) {
            Sessions.closeQuietly(runner);
            throw e;
        }
    }

    /** Issues the lock request on thread {@code oscar-cutover-relay-<table>}; returns at once. */
    void issue(SqlStatement lock) {
        issued = true;
        Thread t = new Thread(() -> {
            try {
                runner.update(lock);
                granted.complete(null);
            } catch (Throwable e) {
                granted.completeExceptionally(e);
            }
        }, "oscar-cutover-relay-" + table.table());
        t.setDaemon(true);
        t.start();
    }

    TableName table() {
        return table;
    }

    long connectionId() {
        return connectionId;
    }

    boolean issued() {
        return issued;
    }

    boolean isDone() {
        return granted.isDone();
    }

    /** Whether the lock was granted: the relay holds {@code table}. */
    boolean holds() {
        return granted.isDone() && !granted.isCompletedExceptionally() && !released;
    }

    Optional<Throwable> failure() {
        if (!granted.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            granted.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Waits until the lock request has returned (granted or failed); false when it has not within {@code timeout}. */
    boolean await(Duration timeout) {
        try {
            granted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return granted.isDone();
        }
    }

    /** The relay's connection, for statements under its lock: only once {@link #holds()}. */
    StatementRunner runner() {
        return runner;
    }

    /** {@code UNLOCK TABLES}; closes the connection when that fails (which releases the lock too). */
    void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            runner.update(CutOverSql.unlock(table.table() + " relay"));
        } catch (RuntimeException e) {
            Sessions.closeQuietly(runner);
        }
    }

    @Override
    public void close() {
        Sessions.closeQuietly(runner);
    }
}
