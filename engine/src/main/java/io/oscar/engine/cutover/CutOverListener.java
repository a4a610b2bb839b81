package io.oscar.engine.cutover;

import io.oscar.engine.api.OscarException;

/**
 * Hears the steps of a cut-over, on the thread that runs it (so it must return quickly: writes to
 * {@code t} are blocked during {@link #locked} and {@link #renameQueued}). For progress output and tests.
 */
public interface CutOverListener {
    CutOverListener NONE = new CutOverListener() { };

    /** Writes to {@code t} are blocked from now on. */
    default void locked(int attempt) {
    }

    /** The RENAME waits behind the lock on connection {@code renamerConnectionId}; the sentry is still there. */
    default void renameQueued(int attempt, long renamerConnectionId) {
    }

    /** The attempt was rolled back: {@code t} is intact and takes writes again. */
    default void attemptFailed(int attempt, OscarException failure) {
    }
}
