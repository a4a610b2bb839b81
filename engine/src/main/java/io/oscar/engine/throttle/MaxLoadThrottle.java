package io.oscar.engine.throttle;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Throttles while a status variable is at or above its threshold ({@code --max-load Threads_running=25}).
 * Thresholds come from {@link Tunables}, so {@code set max-load=...} takes effect at once.
 */
public final class MaxLoadThrottle implements Throttler {
    private final StatusSource status;
    private final Supplier<Map<String, Long>> thresholds;

    public MaxLoadThrottle(StatusSource status, Supplier<Map<String, Long>> thresholds) {
        this.status = status;
        this.thresholds = thresholds;
    }

    @Override
    public Optional<String> throttleReason() {
        return LoadThresholds.firstExceeded(status, thresholds.get())
                .map(e -> "max-load " + e + " reached");
    }
}
