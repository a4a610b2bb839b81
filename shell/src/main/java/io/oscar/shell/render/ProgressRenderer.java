package io.oscar.shell.render;

import io.oscar.engine.api.Phase;
import io.oscar.engine.api.Progress;

/** One line per migration: phase, copy progress, apply, backlog, lag, throttle, ETA, lock time. */
public final class ProgressRenderer {
    private ProgressRenderer() {
    }

    public static String line(Progress p) {
        StringBuilder sb = new StringBuilder();
        boolean copied = p.phase().ordinal() > Phase.COPY.ordinal() && p.phase() != Phase.FAILED && p.phase() != Phase.ABORTED;
        if (copied) { // the estimate only guided the copy: once it is done, the rows it copied are the figure
            sb.append(String.format("%s %s 100.0%% (%,d rows copied, %.0f rows/s)", p.table(), p.phase(), p.rowsCopied(),
                    p.copyRowsPerSecond()));
        } else {
            sb.append(String.format("%s %s %.1f%% (%,d/%,d rows, %.0f rows/s)", p.table(), p.phase(), p.percent(),
                    p.rowsCopied(), p.rowsEstimated(), p.copyRowsPerSecond()));
        }
        sb.append(String.format(" applied %,d (%.0f/s) backlog %d", p.eventsApplied(), p.applyEventsPerSecond(), p.backlog()));
        if (p.lagMillis() != null) {
            sb.append(String.format(" lag %.1fs", p.lagMillis() / 1000.0));
        }
        if (p.etaSeconds() != null) {
            sb.append(" eta ").append(duration(p.etaSeconds()));
        }
        if (p.throttledBy() != null) {
            sb.append(" THROTTLED: ").append(p.throttledBy());
        }
        if (p.awaitingCutover()) {
            sb.append(" waiting for 'cutover ").append(p.table()).append("'");
        }
        if (p.cutoverLockMillis() != null) {
            sb.append(String.format(" cut-over lock %.1f ms", p.cutoverLockMillis()));
        }
        if (p.failure() != null) {
            sb.append(" FAILED: ").append(p.failure());
        }
        sb.append(" elapsed ").append(duration(p.elapsed().toSeconds()));
        return sb.toString();
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
