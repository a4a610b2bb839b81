package io.oscar.shell;

import io.oscar.engine.api.Progress;
import io.oscar.shell.render.ProgressRenderer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The live status at the bottom of the interactive terminal: one progress line per running migration,
 * redrawn about once a second by the {@code oscar-status} thread, removed when none runs. Fed with
 * progress snapshots by the migrations' listener; never touches the (single-owner) Session.
 */
final class LiveStatus implements AutoCloseable {
    private final Map<String, Progress> running = new ConcurrentSkipListMap<>();
    private final Predicate<List<String>> draw;
    private ScheduledExecutorService timer;
    private volatile boolean shown;

    /** @param draw draws these lines (none: removes the status); false when it could not now (try again) */
    LiveStatus(Predicate<List<String>> draw) {
        this.draw = draw;
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oscar-status");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::refresh, 1, 1, TimeUnit.SECONDS);
    }

    /** The latest snapshot of a migration; a finished one leaves the status. */
    void accept(Progress p) {
        if (p.phase().finished()) {
            running.remove(p.table());
        } else {
            running.put(p.table(), p);
        }
    }

    List<String> lines() {
        return running.values().stream().map(ProgressRenderer::line).toList();
    }

    void refresh() {
        try {
            List<String> lines = lines();
            if ((!lines.isEmpty() || shown) && draw.test(lines)) {
                shown = !lines.isEmpty();
            }
        } catch (RuntimeException e) {
            // a status line that cannot be drawn must not stop the next refresh
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        running.clear();
        if (shown) {
            draw.test(List.of());
        }
    }
}
