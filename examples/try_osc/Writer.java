import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rehearsal's application: inserts base items and referring items (children of existing base
 * items) and deletes referring items, RATE transactions per second, each mirrored into control tables
 * in the same transaction so the migrated tables can be compared afterwards. Runs until STOPFILE exists,
 * then prints "writes=N errors=E".
 *
 * java -cp shell/target/oscar.jar examples/try_osc/Writer.java URL SCHEMA ROWS RATE STOPFILE
 */
public final class Writer {
    public static void main(String[] a) throws Exception {
        String url = a[0];
        String schema = a[1];
        int rows = Integer.parseInt(a[2]);
        int rate = Integer.parseInt(a[3]);
        Path stop = Path.of(a[4]);
        long writes = 0;
        long errors = 0;
        long next = 10_000_000;
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("USE `" + schema + "`");
            c.setAutoCommit(false);
            long interval = 1_000_000_000L / Math.max(1, rate);
            long due = System.nanoTime();
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            while (!Files.exists(stop)) {
                long now = System.nanoTime();
                if (now < due) {
                    Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                    continue;
                }
                due += interval;
                int op = rnd.nextInt(3);
                int parent = rnd.nextInt(1, rows + 1);
                int child = rnd.nextInt(1, rows + rows / 4 + 1);
                try {
                    for (String suffix : new String[]{"control_", ""}) {
                        write(c, suffix, op, next, parent, child);
                    }
                    c.commit();
                    writes++;
                    next++;
                } catch (SQLException e) {
                    errors++;
                    c.rollback();
                }
            }
        }
        System.out.println("writes=" + writes + " errors=" + errors);
    }

    private static void write(Connection c, String prefix, int op, long id, int parent, int child) throws SQLException {
        String base = prefix.isEmpty() ? "baseitem" : prefix + "base";
        String ref = prefix.isEmpty() ? "referringitem" : prefix + "ref";
        String sql = switch (op) {
            case 0 -> "INSERT INTO " + base + " (id, created_on, updated_on, product_id) VALUES (?, '2026-01-01', '2026-01-01', 1)";
            case 1 -> "INSERT INTO " + ref + " (id, baseitem_id, created_on, updated_on, some_id) VALUES (?, ?, '2026-01-02', '2026-01-02', 2)";
            default -> "DELETE FROM " + ref + " WHERE id = ?";
        };
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (op == 2) {
                ps.setLong(1, child);
            } else {
                ps.setLong(1, id);
                if (op == 1) {
                    ps.setLong(2, parent);
                }
            }
            ps.executeUpdate();
        }
    }
}
