package io.oscar.shell.render;

/** Human sizes: 16 KiB, 1.2 GiB. */
public final class Sizes {
    private Sizes() {
    }

    public static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
