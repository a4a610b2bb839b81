package io.oscar.shell;

import io.oscar.engine.api.MigrationListener;
import io.oscar.engine.api.Phase;
import io.oscar.engine.api.Progress;
import io.oscar.shell.render.ProgressRenderer;

import java.time.Duration;
import java.time.Instant;

/**
 * Prints what running migrations do, from their threads: events and phase changes always; a progress
 * line every few seconds (batch mode) or every half minute (at a prompt without a live status line).
 */
final class ShellListener implements MigrationListener {
    private final Shell shell;
    private final Duration progressEvery;
    private volatile Instant nextProgress = Instant.MIN;

    ShellListener(Shell shell, boolean batch) {
        this.shell = shell;
        this.progressEvery = batch ? Duration.ofSeconds(2) : Duration.ofSeconds(30);
    }

    @Override
    public void phaseChanged(String table, Phase phase) {
        if (!phase.finished()) {
            shell.notify("[" + table + "] " + phase.name().toLowerCase());
        }
    }

    @Override
    public void event(String table, String message) {
        shell.notify("[" + table + "] " + message);
    }

    @Override
    public void progress(Progress progress) {
        var live = shell.liveProgress();
        if (live != null) {
            live.accept(progress); // the status line at the bottom shows it; print only the last one
            if (progress.phase().finished()) {
                shell.notify(ProgressRenderer.line(progress));
            }
            return;
        }
        Instant now = Instant.now();
        if (now.isAfter(nextProgress) || progress.phase().finished()) {
            nextProgress = now.plus(progressEvery);
            shell.notify(ProgressRenderer.line(progress));
        }
    }
}
