import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's foreground write load: R transactions per second of inserts, updates and deletes on the
 * migrated table, each also applied to a control table in the same transaction (so the migrated result
 * can be checked against it), with per-transaction latency recorded; plus a heartbeat on the primary
 * read back on the replica for the maximum replica lag. Runs until the stop file appears, then writes a
 * one-line summary: "writes=N errors=E p50_ms=.. p99_ms=.. max_ms=.. max_lag_ms=.. row_events=.. rate=..", rate being
 * the transactions/s delivered. The paced load runs on WORKERS connections sharing the rate.
 * RATE 0 is the applier's stress test: transactions back to back, each updating a range of BURST rows.
 *
 * java -cp shell/target/oscar.jar bench/LoadGen.java URL REPLICA_URL|- SCHEMA TABLE CONTROL ROWS RATE STOPFILE OUT
 */
public final class LoadGen {
    public static void main(String[] a) throws Exception {
        String url = a[0];
        String replicaUrl = a[1];
        String schema = a[2];
        String table = a[3];
        String control = a[4];
        long rows = Long.parseLong(a[5]);
        int rate = Integer.parseInt(a[6]);
        Path stop = Path.of(a[7]);
        Path out = Path.of(a[8]);
        AtomicLong maxLag = new AtomicLong(-1);
        Thread hb = replicaUrl.equals("-") ? null : heartbeat(url, replicaUrl, schema, stop, maxLag);
        AtomicLong nextId = new AtomicLong(rows + 1);
        // one connection can't keep R transactions/s once the copy takes the cores (each waits its turn):
        // WORKERS connections share the rate, so the load asked for is the load delivered
        int workers = rate == 0 ? 1 : WORKERS;
        Worker[] all = new Worker[workers];
        long began = System.nanoTime();
        for (int i = 0; i < workers; i++) {
            all[i] = new Worker(url, schema, table, control, rows, rate, workers, i, nextId, stop);
            all[i].start();
        }
        long n = 0;
        long errors = 0;
        long rowEvents = 0;
        long[] l = new long[0];
        for (Worker w : all) {
            w.join();
            if (w.failure != null) {
                throw w.failure;
            }
            int from = l.length;
            l = Arrays.copyOf(l, from + w.n);
            System.arraycopy(w.lat, 0, l, from, w.n);
            n += w.n;
            errors += w.errors;
            rowEvents += w.rowEvents;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (hb != null) {
            hb.join();
        }
        Arrays.sort(l);
        String summary = String.format("writes=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f max_lag_ms=%d row_events=%d rate=%.0f%n", n,
                errors, pct(l, 0.50), pct(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6, maxLag.get(), rowEvents, n / seconds);
        Files.writeString(out, summary);
    }

    /** Connections sharing the paced load. */
    private static final int WORKERS = 4;

    /** One connection's share of the load: RATE/WORKERS transactions a second, staggered with the others. */
    private static final class Worker extends Thread {
        private final String url, schema, table, control;
        private final long rows;
        private final int rate, workers, index;
        private final AtomicLong nextId;
        private final Path stop;
        final long[] lat = new long[1_000_000];
        int n;
        long errors;
        long rowEvents;
        Exception failure;

        Worker(String url, String schema, String table, String control, long rows, int rate, int workers, int index,
               AtomicLong nextId, Path stop) {
            super("load-" + index);
            this.url = url;
            this.schema = schema;
            this.table = table;
            this.control = control;
            this.rows = rows;
            this.rate = rate;
            this.workers = workers;
            this.index = index;
            this.nextId = nextId;
            this.stop = stop;
        }

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                c.createStatement().execute("USE `" + schema + "`");
                loop(c);
            } catch (Exception e) {
                failure = e;
            }
        }

        private void loop(Connection c) throws Exception {
            long interval = 1_000_000_000L * workers / Math.max(1, rate);
            long next = System.nanoTime() + interval * index / workers;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!Files.exists(stop)) {
                long now = System.nanoTime();
                if (rate == 0) {
                    long from = rnd.nextLong(1, Math.max(2, rows - BURST));
                    int v = rnd.nextInt(1000); // the same change to both tables
                    try {
                        for (String t : new String[]{control, table}) {
                            int changed = burst(c, t, from, v);
                            rowEvents += t.equals(table) ? changed : 0;
                        }
                        c.commit();
                        record(System.nanoTime() - now);
                    } catch (SQLException e) {
                        errors++;
                        c.rollback();
                    }
                    continue;
                }
                if (now < next) {
                    Thread.sleep(Math.max(0, (next - now) / 1_000_000), (int) ((next - now) % 1_000_000));
                    continue;
                }
                next += interval;
                int op = rnd.nextInt(10);
                long id = op < 3 ? nextId.getAndIncrement() : rnd.nextLong(1, rows + 1);
                int v = rnd.nextInt(1000);
                long t0 = System.nanoTime();
                try {
                    for (String t : new String[]{control, table}) {
                        write(c, t, op, id, v);
                    }
                    c.commit();
                    rowEvents++;
                    record(System.nanoTime() - t0);
                } catch (SQLException e) {
                    errors++;
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone; the next write reports it
                    }
                }
            }
        }

        private void record(long nanos) {
            if (n < lat.length) {
                lat[n++] = nanos;
            }
        }
    }

    /** Rows per transaction in the stress test (RATE 0). */
    private static final int BURST = 50;

    /** One range update of BURST rows (those still there); returns the rows changed. */
    private static int burst(Connection c, String t, long from, int v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE `" + t + "` SET a = ?, b = MD5(id + ?) WHERE id BETWEEN ? AND ?")) {
            ps.setInt(1, v);
            ps.setInt(2, v);
            ps.setLong(3, from);
            ps.setLong(4, from + BURST - 1);
            return ps.executeUpdate();
        }
    }

    private static void write(Connection c, String t, int op, long id, int v) throws SQLException {
        String sql = op < 3 ? "INSERT INTO `" + t + "` (id, a, b, c, d) VALUES (?, ?, MD5(?), '2026-01-01 00:00:00', REPEAT('x', 100))"
                : op < 8 ? "UPDATE `" + t + "` SET a = ?, b = MD5(a + ?) WHERE id = ?"
                : "DELETE FROM `" + t + "` WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (op < 3) {
                ps.setLong(1, id);
                ps.setInt(2, v);
                ps.setLong(3, id);
            } else if (op < 8) {
                ps.setInt(1, v);
                ps.setInt(2, v);
                ps.setLong(3, id);
            } else {
                ps.setLong(1, id);
            }
            ps.executeUpdate();
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static Thread heartbeat(String url, String replicaUrl, String schema, Path stop, AtomicLong maxLag) {
        Thread t = new Thread(() -> {
            try (Connection p = DriverManager.getConnection(url); Connection r = DriverManager.getConnection(replicaUrl)) {
                p.createStatement().execute("CREATE TABLE IF NOT EXISTS `" + schema + "`.bench_hb (id int PRIMARY KEY, ts bigint NOT NULL)");
                long started = System.currentTimeMillis();
                while (!Files.exists(stop)) {
                    p.createStatement().execute("REPLACE INTO `" + schema + "`.bench_hb VALUES (1, " + System.currentTimeMillis() + ")");
                    try (ResultSet rs = r.createStatement().executeQuery("SELECT ts FROM `" + schema + "`.bench_hb WHERE id = 1")) {
                        // a beat from an earlier run says nothing: count only once the replica shows one of ours
                        if (rs.next() && rs.getLong(1) >= started) {
                            maxLag.accumulateAndGet(Math.max(0, System.currentTimeMillis() - rs.getLong(1)), Math::max);
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                maxLag.set(-2);
            }
        }, "heartbeat");
        t.start();
        return t;
    }
}
