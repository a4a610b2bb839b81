package io.oscar.engine.alter;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of gh-ost's shared-key rule for one ALTER.
 *
 * @param chosen     the key to copy and replay by, null when there is none
 * @param candidates every eligible shared key, best first (chosen is the first)
 * @param warnings   e.g. that the chosen key has nullable columns (allowNullable)
 * @param reason     why there is no shared key and what to do, null when one was chosen
 */
public record SharedKeyResult(SharedKey chosen, List<SharedKey> candidates, List<String> warnings, String reason) {

    public SharedKeyResult {
        candidates = List.copyOf(candidates);
        warnings = List.copyOf(warnings);
    }

    public boolean found() {
        return chosen != null;
    }

    public Optional<SharedKey> key() {
        return Optional.ofNullable(chosen);
    }

    /**
     * @throws OscarException {@link ErrorCode#NO_SHARED_KEY} with the reason and the two-step workaround
     */
    public SharedKey require() {
        if (chosen == null) {
            throw new OscarException(ErrorCode.NO_SHARED_KEY, reason);
        }
        return chosen;
    }
}
