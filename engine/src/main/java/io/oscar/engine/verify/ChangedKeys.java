package io.oscar.engine.verify;

import io.oscar.engine.schema.RowKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared-key values of every row the applier wrote to or deleted from the ghost, for the incremental
 * verification: a chunk compared when it was copied stays right unless the applier touched one of its rows
 * later, so at the consistent point only these rows (and the chunks that did not match when copied) need
 * comparing again. Keys are the ghost's, in the shared key's column order, as the binlog decoded them.
 *
 * <p>Bounded: past {@code capacity} distinct keys it forgets them all and reports {@link #overflowed()}, and
 * the verification compares every row instead. Thread-safe: the writer adds, the verification reads.
 */
public final class ChangedKeys {
    /** A disabled set: never records, always overflowed (the full comparison). */
    public static final ChangedKeys NONE = new ChangedKeys(0);

    private final int capacity;
    private final Set<RowKey> keys = new LinkedHashSet<>();
    private boolean overflowed;

    public ChangedKeys(int capacity) {
        this.capacity = capacity;
        this.overflowed = capacity <= 0;
    }

    /** Records one key (values are copied by reference: the caller must not change the array). */
    public synchronized void add(Object[] key) {
        if (overflowed) {
            return;
        }
        keys.add(new RowKey(key));
        if (keys.size() > capacity) {
            overflowed = true;
            keys.clear();
        }
    }

    public synchronized boolean overflowed() {
        return overflowed;
    }

    public synchronized int size() {
        return keys.size();
    }

    /** The keys recorded so far, each once, in the order first seen. */
    public synchronized List<Object[]> keys() {
        List<Object[]> out = new ArrayList<>(keys.size());
        for (RowKey k : keys) {
            out.add(k.values());
        }
        return out;
    }

}
