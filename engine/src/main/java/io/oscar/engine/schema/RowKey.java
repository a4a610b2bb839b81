package io.oscar.engine.schema;

import java.util.Arrays;

/**
 * One row's shared-key values as a map key: equal by content, because the binlog delivers strings as
 * byte arrays (whose own equality is identity). The array is not copied: do not change it afterwards.
 */
public record RowKey(Object[] values) {
    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && Arrays.deepEquals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
