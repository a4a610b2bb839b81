package io.oscar.engine.throttle;

import java.util.Optional;

/** The operator's {@code throttle} / {@code no-throttle}. Thread-safe. */
public final class ManualThrottle implements Throttler {
    private volatile boolean paused;

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }

    @Override
    public Optional<String> throttleReason() {
        return paused ? Optional.of("throttled by the operator (type 'no-throttle' to resume)") : Optional.empty();
    }
}
