package io.oscar.engine.throttle;

import java.util.Map;
import java.util.Optional;

/** Compares status variables with thresholds: shared by max-load and critical-load. */
final class LoadThresholds {
    private LoadThresholds() {
    }

    /** {@code Threads_running=31 (limit 25)} for the first variable at or over its limit. */
    static Optional<String> firstExceeded(StatusSource status, Map<String, Long> limits) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> now = status.read(limits.keySet());
        for (Map.Entry<String, Long> limit : limits.entrySet()) {
            Long value = now.get(limit.getKey());
            if (value != null && value >= limit.getValue()) {
                return Optional.of(limit.getKey() + "=" + value + " (limit " + limit.getValue() + ")");
            }
        }
        return Optional.empty();
    }
}
