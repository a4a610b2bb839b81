package io.oscar.engine.cutover;

import java.time.Duration;

/**
 * Called by the cut-over while writes to {@code t} are blocked: returns once every change made to
 * {@code t} before now has been applied to the ghost. The migration writes a state sentinel to
 * {@code _t_ghc} and waits until its applier has seen it in the binlog. Throws (any runtime
 * exception) when that does not happen within {@code timeout}; the attempt is then rolled back.
 */
@FunctionalInterface
public interface Drain {
    void awaitAppliedUpToNow(Duration timeout);
}
