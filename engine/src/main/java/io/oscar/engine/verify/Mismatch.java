package io.oscar.engine.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A key range {@code (from, to]} whose rows differ between the original and the ghost: {@code from} null
 * is the start of the key, {@code to} null the end (rows beyond the original's last key). Pass the same
 * bounds to {@link Checksummer#compareRange} to check the range again after re-copying it. A mismatch found by
 * key ({@link Checksummer#compareKeys}) has {@code keys} instead (the batch of shared-key values compared),
 * and null bounds.
 */
public record Mismatch(List<Object> from, List<Object> to, long originalRows, long ghostRows,
                       long originalChecksum, long ghostChecksum, List<Object[]> keys) {

    public Mismatch {
        from = copy(from);
        to = copy(to);
        keys = keys == null ? null : List.copyOf(keys);
    }

    public Mismatch(List<Object> from, List<Object> to, long originalRows, long ghostRows, long originalChecksum,
                    long ghostChecksum) {
        this(from, to, originalRows, ghostRows, originalChecksum, ghostChecksum, null);
    }

    static Mismatch ofKeys(List<Object[]> keys, long originalRows, long ghostRows, long originalChecksum, long ghostChecksum) {
        return new Mismatch(null, null, originalRows, ghostRows, originalChecksum, ghostChecksum, keys);
    }

    public boolean byKeys() {
        return keys != null;
    }

    /** {@code key (start .. [3, 2026-01-01 00:00:00.5]]: original 50 rows, ghost 49 rows}. */
    public String describe() {
        String where = byKeys() ? keys.size() + " rows by key (first " + java.util.Arrays.deepToString(keys.get(0)) + ")"
                : "key (" + (from == null ? "start" : from.toString()) + " .. " + (to == null ? "end)" : to + "]");
        return where + ": original " + originalRows + " rows, ghost " + ghostRows + " rows"
                + (originalRows == ghostRows ? " (same count, different contents)" : "");
    }

    private static List<Object> copy(List<Object> key) {
        return key == null ? null : Collections.unmodifiableList(new ArrayList<>(key));
    }
}
