package io.oscar.engine.cutover;

import io.oscar.engine.schema.TableName;

import java.time.Duration;
import java.util.List;

/**
 * A completed swap.
 *
 * @param lockTime how long writes to {@code t} were blocked: from {@code LOCK TABLES} granted to
 *                 {@code UNLOCK TABLES} returning, in the successful attempt
 * @param attempts attempts made, the successful one included
 * @param method   which swap ran ({@code sentry}, {@code locked-rename}, or {@code sentry+fk-relays} for a referenced table)
 * @param warnings what the operator should know (failed attempts, a lost locker connection)
 */
public record CutOverResult(TableName table, Duration lockTime, int attempts, String method, List<String> warnings) {

    public CutOverResult {
        warnings = List.copyOf(warnings);
    }

    /** The lock time in milliseconds, with microsecond precision. */
    public double lockMillis() {
        return lockTime.toNanos() / 1_000_000.0;
    }
}
