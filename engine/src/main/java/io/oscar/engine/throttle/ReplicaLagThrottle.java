package io.oscar.engine.throttle;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Throttles while the replica is further behind than {@code max-lag-ms}. An unknown lag throttles too:
 * a replica that stopped answering is no reason to write faster.
 */
public final class ReplicaLagThrottle implements Throttler {
    private final LagSource lag;
    private final LongSupplier maxLagMs;

    public ReplicaLagThrottle(LagSource lag, LongSupplier maxLagMs) {
        this.lag = lag;
        this.maxLagMs = maxLagMs;
    }

    @Override
    public Optional<String> throttleReason() {
        OptionalLong ms = lag.lagMillis();
        long max = maxLagMs.getAsLong();
        if (ms.isEmpty()) {
            return Optional.of("replica lag unknown (no heartbeat seen yet)");
        }
        if (ms.getAsLong() > max) {
            return Optional.of(String.format("replica lag %.1f s > max-lag-ms %d", ms.getAsLong() / 1000.0, max));
        }
        return Optional.empty();
    }
}
