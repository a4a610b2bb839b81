package io.oscar.engine.binlog;

import java.time.Duration;

/**
 * The last binlog position whose events have been fully handled, written by the streaming thread and
 * read by anyone; also the place where callers wait for the stream to reach a position or fail.
 */
final class PositionTracker {
    private final Object monitor = new Object();
    private volatile BinlogPosition last;
    private volatile boolean stopped;

    PositionTracker(BinlogPosition start) {
        this.last = start;
    }

    BinlogPosition last() {
        return last;
    }

    /** The position after an event at {@code nextPosition} of the current file, not yet recorded. */
    BinlogPosition peek(long nextPosition, String gtids) {
        return new BinlogPosition(last.file(), nextPosition > 0 ? nextPosition : last.position(),
                gtids != null ? gtids : last.gtidSet());
    }

    void advance(long nextPosition, String gtids) {
        set(peek(nextPosition, gtids));
    }

    void rotate(String file, long position) {
        set(new BinlogPosition(file, position, last.gtidSet()));
    }

    void stop() {
        stopped = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    boolean stopped() {
        return stopped;
    }

    private void set(BinlogPosition p) {
        last = p;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Waits until the stream has handled everything before {@code target}, or it stopped, or time ran out. */
    boolean awaitAtLeast(BinlogPosition target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!last.atOrAfter(target) && !stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
        return last.atOrAfter(target);
    }
}
