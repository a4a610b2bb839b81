package io.oscar.engine.cutover;

import java.time.Duration;
import java.util.List;

/** One flavor's way to swap {@code _t_gho} into {@code t}: one attempt, rolled back completely when it throws. */
interface Swap {

    /** The swap happened; writes were blocked for {@code lockTime}. */
    record Outcome(Duration lockTime, List<String> warnings) {
    }

    /**
     * Swaps, or throws an {@code OscarException} with code {@code CUTOVER_FAILED} after restoring the state
     * before the attempt ({@code t} and the ghost in place, no sentry, no locks held).
     */
    Outcome attempt(int attempt);

    /** A short name for results and messages. */
    String method();
}
