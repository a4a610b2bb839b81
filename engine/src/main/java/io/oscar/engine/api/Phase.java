package io.oscar.engine.api;

/** Where a table migration is, in order. DONE, FAILED and ABORTED are final. */
public enum Phase {
    PENDING, PREFLIGHT, SETUP, STREAM, COPY, READY, VERIFY, CUTOVER, CLEANUP, DONE, FAILED, ABORTED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == ABORTED;
    }
}
