package io.oscar.engine.throttle;

import java.util.List;
import java.util.Optional;

/** Throttles when any part does; the first reason wins (order: operator first, then the servers). */
public final class CompositeThrottler implements Throttler {
    private final List<Throttler> parts;

    public CompositeThrottler(List<Throttler> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Optional<String> throttleReason() {
        for (Throttler t : parts) {
            Optional<String> reason = t.throttleReason();
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }
}
