package io.oscar.engine.plan;

/** Whether a migration swaps tables by itself when ready, or waits at READY for the operator. */
public enum CutoverMode {
    /** Cut over as soon as the copy is done and verified. */
    AUTO,
    /** Wait at READY, keeping the ghost in sync, until told {@code cutover <table>}. */
    MANUAL
}
