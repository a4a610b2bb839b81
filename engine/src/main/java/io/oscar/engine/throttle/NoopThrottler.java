package io.oscar.engine.throttle;

import java.util.Optional;

/** Never throttles. For tests and for migrations told to run flat out. */
public final class NoopThrottler implements Throttler {
    @Override
    public Optional<String> throttleReason() {
        return Optional.empty();
    }
}
