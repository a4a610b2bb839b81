package io.oscar.engine.migrate;

import io.oscar.engine.throttle.LagSource;

import java.util.OptionalLong;

/**
 * Measures lag on the caller's thread (the writer's throttle gate) and keeps the last value for
 * progress snapshots taken on other threads, so one JDBC connection is never shared by two threads.
 */
final class CachedLag implements LagSource {
    private final LagSource source;
    private volatile Long last;

    CachedLag(LagSource source) {
        this.source = source;
    }

    @Override
    public OptionalLong lagMillis() {
        OptionalLong v = source.lagMillis();
        last = v.isPresent() ? v.getAsLong() : null;
        return v;
    }

    Long last() {
        return last;
    }
}
