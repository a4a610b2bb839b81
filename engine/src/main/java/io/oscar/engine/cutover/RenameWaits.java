package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.migrate.Pacer;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The waits both swaps share while writes are blocked: for a queued request, and for the RENAME to finish. */
final class RenameWaits {
    private RenameWaits() {
    }

    /**
     * Polls {@code condition} until true; fails when the RENAME (once {@code issued}) ends first or the
     * queue timeout passes.
     */
    static void awaitQueued(String what, BooleanSupplier condition, AsyncRename renamer, boolean issued,
                            CutOverOptions options, Pacer pacer) {
        long deadline = pacer.clock().millis() + options.queueTimeout().toMillis();
        while (!condition.getAsBoolean()) {
            if (issued && renamer.isDone()) {
                throw new OscarException(ErrorCode.CUTOVER_FAILED, "the RENAME ended while waiting for " + what
                        + renamer.failure().map(e -> ": " + e.getMessage()).orElse(""));
            }
            if (pacer.clock().millis() > deadline) {
                throw new OscarException(ErrorCode.CUTOVER_FAILED, "timed out after "
                        + options.queueTimeout().toMillis() + " ms waiting for " + what);
            }
            pacer.pause(options.pollInterval());
        }
    }

    /** Waits for the released RENAME; fails when it takes longer than the rename timeout or failed. */
    static void awaitRename(AsyncRename renamer, CutOverOptions options) {
        if (!renamer.await(options.renameTimeout())) {
            throw new OscarException(ErrorCode.CUTOVER_FAILED, "the RENAME did not finish within "
                    + options.renameTimeout().toMillis() + " ms after the unlock");
        }
        Optional<Throwable> failure = renamer.failure();
        if (failure.isPresent()) {
            throw new OscarException(ErrorCode.CUTOVER_FAILED, "the RENAME failed: " + failure.get().getMessage(), failure.get());
        }
    }
}
