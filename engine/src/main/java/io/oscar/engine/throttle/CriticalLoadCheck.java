package io.oscar.engine.throttle;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --critical-load}: past these thresholds the migration aborts rather than pauses, because the
 * server is in trouble and the operator must look. Never throttles; {@link #check()} throws.
 */
public final class CriticalLoadCheck {
    private final StatusSource status;
    private final Supplier<Map<String, Long>> thresholds;

    public CriticalLoadCheck(StatusSource status, Supplier<Map<String, Long>> thresholds) {
        this.status = status;
        this.thresholds = thresholds;
    }

    /** Throws when a threshold is reached. */
    public void check() {
        LoadThresholds.firstExceeded(status, thresholds.get()).ifPresent(e -> {
            throw new OscarException(ErrorCode.CRITICAL_LOAD, "critical-load " + e
                    + " reached: migration aborted; the original table is untouched. Re-run when the server is calm,"
                    + " or raise --critical-load");
        });
    }
}
