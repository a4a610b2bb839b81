package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.GtidSet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the GTID set executed up to the last committed transaction the streamer has seen. A
 * transaction's GTID is noted at its GTID event and added at its commit (XID, or the query that ends
 * it). MariaDB keeps one {@code domain-server-seq} per domain; MySQL a UUID interval set.
 * Only the streaming thread calls it.
 */
final class GtidTracker {
    private final boolean mariaDb;
    private final Map<Long, String> mariaDomains = new LinkedHashMap<>();
    private GtidSet mysqlSet;
    private String pending;
    private long pendingDomain;

    GtidTracker(boolean mariaDb, String initial) {
        this.mariaDb = mariaDb;
        if (initial == null || initial.isBlank()) {
            mysqlSet = mariaDb ? null : new GtidSet("");
            return;
        }
        if (mariaDb) {
            for (String gtid : initial.split(",")) {
                String g = gtid.strip();
                mariaDomains.put(Long.parseLong(g.substring(0, g.indexOf('-'))), g);
            }
        } else {
            mysqlSet = new GtidSet(initial);
        }
    }

    void begin(long domain, long serverId, long sequence) {
        pendingDomain = domain;
        pending = domain + "-" + serverId + "-" + sequence;
    }

    void begin(String mysqlGtid) {
        pending = mysqlGtid;
    }

    void commit() {
        if (pending == null) {
            return;
        }
        if (mariaDb) {
            mariaDomains.put(pendingDomain, pending);
        } else {
            mysqlSet.add(pending);
        }
        pending = null;
    }

    /** The executed set, or null when nothing is known. */
    String current() {
        if (mariaDb) {
            return mariaDomains.isEmpty() ? null : String.join(",", mariaDomains.values());
        }
        String s = mysqlSet.toString();
        return s.isEmpty() ? null : s;
    }
}
