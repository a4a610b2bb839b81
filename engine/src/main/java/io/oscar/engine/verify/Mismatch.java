package io.oscar.engine.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A key range {@code (from, to]} whose rows differ between the original and the ghost: {@code from} null
 * is the start of the key, {@code to} null the end (rows beyond the original's last key). Pass the same
 * bounds to {@link Checksummer#compareRange} to check the range again after re-copying it.
 */
public record Mismatch(List<Object> from, List<Object> to, long originalRows, long ghostRows,
                       long originalChecksum, long ghostChecksum) {

    public Mismatch {
        from = copy(from);
        to = copy(to);
    }

    /** {@code key (start .. [3, 2026-01-01 00:00:00.5]]: original 50 rows, ghost 49 rows}. */
    public String describe() {
        return "key (" + (from == null ? "start" : from.toString()) + " .. " + (to == null ? "end)" : to + "]")
                + ": original " + originalRows + " rows, ghost " + ghostRows + " rows"
                + (originalRows == ghostRows ? " (same count, different contents)" : "");
    }

    private static List<Object> copy(List<Object> key) {
        return key == null ? null : Collections.unmodifiableList(new ArrayList<>(key));
    }
}
