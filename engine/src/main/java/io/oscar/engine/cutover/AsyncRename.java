package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.sql.CutOverSql;
import io.oscar.engine.sql.SqlStatement;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The renamer: issues the blocking {@code RENAME TABLE} on its own connection and thread
 * ({@code oscar-cutover-rename}), so the locker can watch it queue and then let it through.
 * Knows its connection id, so the controller can find it in performance_schema and kill it.
 */
final class AsyncRename implements AutoCloseable {
    static final String THREAD = "oscar-cutover-rename";
    /** The renamer never needs InnoDB locks; if it waits on one anyway, it should fail fast. */
    private static final Duration INNODB_LOCK_WAIT = Duration.ofSeconds(2);

    private final StatementRunner runner;
    private final long connectionId;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private AsyncRename(StatementRunner runner, long connectionId) {
        this.runner = runner;
        this.connectionId = connectionId;
    }

    /** Prepares the session (timeouts, connection id) before anything is locked: the lock is not held while connecting. */
    static AsyncRename prepare(StatementRunner runner, Duration lockWait) {
        AsyncRename r;
        try {
            runner.update(CutOverSql.lockWaitTimeout(lockWait));
            runner.update(CutOverSql.innodbLockWaitTimeout(INNODB_LOCK_WAIT));
            long id = Long.parseLong(runner.queryString(CutOverSql.connectionId()).orElseThrow());
            r = new AsyncRename(runner, id);
        } catch (RuntimeException e) {
            Sessions.closeQuietly(runner);
            throw e;
        }
        return r;
    }

    /** Issues {@code rename} on the rename thread; returns at once. */
    void issue(SqlStatement rename) {
        Thread t = new Thread(() -> run(rename), THREAD);
        t.setDaemon(true);
        t.start();
    }

    private void run(SqlStatement rename) {
        try {
            runner.update(rename);
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    long connectionId() {
        return connectionId;
    }

    boolean isDone() {
        return done.isDone();
    }

    /** Whether the RENAME returned without error: the tables are swapped. */
    boolean succeeded() {
        return done.isDone() && !done.isCompletedExceptionally();
    }

    /** Why the RENAME failed, once it has. */
    Optional<Throwable> failure() {
        if (!done.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            done.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Waits until the RENAME has returned (either way); false when it has not within {@code timeout}. */
    boolean await(Duration timeout) {
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done.isDone();
        }
    }

    @Override
    public void close() {
        Sessions.closeQuietly(runner);
    }
}
