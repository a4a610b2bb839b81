package io.oscar.engine.throttle;

import java.util.Optional;

/** Says whether work must pause now, and why. Called often: implementations are cheap or cache. */
public interface Throttler {

    /** Empty when copy and apply may go on; otherwise the reason, for progress and logs. */
    Optional<String> throttleReason();
}
