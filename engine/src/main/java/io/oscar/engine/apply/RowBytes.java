package io.oscar.engine.apply;

/**
 * About how many bytes a decoded row holds, for the applier's byte bounds: the sizes of byte arrays and
 * strings, 8 for anything else. An estimate, not an accounting: it has to keep a table of 1 MB BLOBs from
 * filling the heap, not weigh object headers.
 */
final class RowBytes {
    private RowBytes() {
    }

    static long of(Object[] row) {
        if (row == null) {
            return 0;
        }
        long n = 0;
        for (Object v : row) {
            if (v instanceof byte[] b) {
                n += b.length;
            } else if (v instanceof CharSequence cs) {
                n += 2L * cs.length();
            } else {
                n += 8;
            }
        }
        return n;
    }
}
