package io.oscar.engine.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether a key lies in the part of the table the copy has not reached yet: after the last chunk handed
 * out and not beyond the last key read at the start. A binlog change to such a row need not be applied:
 * the chunk that covers it is handed out later, and reads (with a shared lock, on the primary) the row as
 * committed then, this change included. Skipping it is Spirit's "above the high watermark" saving, and
 * the bulk of a busy table's changes during its copy.
 *
 * <p>Only for a one-column integer key, where Java orders keys exactly as the server does; any other key
 * is never "ahead" (every change is applied). Asked by the applier while copy lanes move the chunker: the
 * change was committed before the applier saw it, so a chunk not yet handed out when the answer is "ahead"
 * reads the row after that commit; a chunk that read the row earlier had already moved the watermark past it.
 */
public final class CopyWatermark {
    private final Supplier<List<Object>> last;
    private final Supplier<List<Object>> max;
    private final BooleanSupplier done;
    private final boolean integerKey;

    /** Over the copy's {@link Chunker}. */
    public CopyWatermark(Chunker chunker, boolean integerKey) {
        this(chunker::lastKey, chunker::maxKey, chunker::done, integerKey);
    }

    CopyWatermark(Supplier<List<Object>> last, Supplier<List<Object>> max, BooleanSupplier done, boolean integerKey) {
        this.last = last;
        this.max = max;
        this.done = done;
        this.integerKey = integerKey;
    }

    /** True when {@code key} (the shared key's values) is past the copy's progress and within its end. */
    public boolean ahead(Object[] key) {
        if (!integerKey || key.length != 1 || done.getAsBoolean()) {
            return false;
        }
        List<Object> end0 = max.get();
        if (end0 == null) {
            return false;
        }
        BigInteger k = integer(key[0]);
        BigInteger end = integer(end0.get(0));
        if (k == null || end == null || k.compareTo(end) > 0) {
            return false;
        }
        List<Object> reached0 = last.get();
        if (reached0 == null) {
            return true;
        }
        BigInteger reached = integer(reached0.get(0));
        return reached != null && k.compareTo(reached) > 0;
    }

    static BigInteger integer(Object v) {
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d && d.scale() <= 0) {
            return d.toBigIntegerExact();
        }
        return null;
    }
}
