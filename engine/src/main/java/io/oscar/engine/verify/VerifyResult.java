package io.oscar.engine.verify;

import java.util.List;

/**
 * The outcome of {@link Checksummer#verify()}.
 *
 * @param chunks       key ranges compared, including the final one beyond the original's last key
 * @param originalRows rows of the original counted
 * @param ghostRows    rows of the ghost counted
 * @param mismatches   the ranges that differ, in key order; empty when the tables match
 */
public record VerifyResult(int chunks, long originalRows, long ghostRows, List<Mismatch> mismatches) {

    public VerifyResult {
        mismatches = List.copyOf(mismatches);
    }

    public boolean matches() {
        return mismatches.isEmpty();
    }
}
