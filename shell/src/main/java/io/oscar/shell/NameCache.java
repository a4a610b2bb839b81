package io.oscar.shell;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Schema and table names for completion, kept a few seconds so pressing Tab twice does not query the
 * server twice, yet a table created a moment ago shows up soon.
 */
final class NameCache {
    private record Entry(List<String> names, long at) {
    }

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    NameCache(long ttlNanos, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    static NameCache fiveSeconds() {
        return new NameCache(5_000_000_000L, System::nanoTime);
    }

    /** The cached names under {@code key}, or {@code load.apply(key)} when missing or stale. */
    List<String> get(String key, Function<String, List<String>> load) {
        long now = clock.getAsLong();
        Entry e = entries.get(key);
        if (e == null || now - e.at() > ttlNanos) {
            e = new Entry(List.copyOf(load.apply(key)), now);
            entries.put(key, e);
        }
        return e.names();
    }

    void clear() {
        entries.clear();
    }
}
