package io.oscar.engine.plan;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one table is migrated. Safe defaults: verify on, automatic cut-over, old table kept,
 * nothing risky approved.
 *
 * @param maxLoad      status variable thresholds that throttle, e.g. {@code Threads_running=25}
 * @param criticalLoad status variable thresholds that abort
 * @param niceRatio    sleep this fraction of each chunk's copy time after it (0 = none)
 * @param chunkTimeMs  steer the chunk size so a chunk takes about this long (0: keep {@code chunkSize} fixed).
 *                     On by default (250 ms, starting at 1000 rows; an explicit chunk size turns it off). 100 ms
 *                     chunks were tried: the slowest application write under 500 writes/s was shorter (94 ms
 *                     against 178 ms), but in bench/run the migration took 1.4x as long idle and under load.
 * @param copyThreads  chunks copied at the same time, each on its own connection (1, the default: one after the
 *                     other; on 2 cores, 2 lanes were about 10% faster idle, no faster under 500 writes/s, and
 *                     the application's writes waited longer on their shared locks: p99 71 ms against 47 ms)
 * @param fullVerify   at the consistent point, compare every row of both tables; otherwise (the default) each
 *                     chunk is compared when it has been copied, and at the consistent point only what changed
 *                     since: the rows the applier touched, the chunks that differed, the rows past the copy's end
 * @param binlogFromReplica read the binlog from the replica (which needs log_slave_updates) instead of the primary
 *                     (the default). Spares the primary a binlog reader, but every drain then also waits out the
 *                     replica's lag, with writes blocked at the cut-over: under 500 writes/s the cut-over lock was
 *                     265-831 ms reading from the replica against 62-68 ms reading from the primary
 */
public record MigrationOptions(int chunkSize, long maxLagMs, CutoverMode cutover, boolean verify, boolean dropOldTable,
                               boolean allowNullableUniqueKey, boolean approveRenames, boolean approveDataLoss,
                               Map<String, Long> maxLoad, Map<String, Long> criticalLoad, double niceRatio,
                               long chunkTimeMs, int copyThreads, boolean fullVerify, boolean binlogFromReplica) {

    public static final int MIN_CHUNK = 10;
    public static final int MAX_CHUNK = 100_000;
    public static final int MAX_COPY_THREADS = 16;

    public MigrationOptions {
        if (chunkSize < MIN_CHUNK || chunkSize > MAX_CHUNK) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT,
                    "chunk-size " + chunkSize + " is outside " + MIN_CHUNK + ".." + MAX_CHUNK);
        }
        if (maxLagMs < 100) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "max-lag-ms " + maxLagMs + " is below 100");
        }
        if (niceRatio < 0 || niceRatio > 100) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "nice-ratio " + niceRatio + " is outside 0..100");
        }
        if (chunkTimeMs < 0 || chunkTimeMs > 60_000) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "chunk-time-ms " + chunkTimeMs + " is outside 0..60000");
        }
        if (copyThreads < 1 || copyThreads > MAX_COPY_THREADS) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "copy-threads " + copyThreads + " is outside 1.." + MAX_COPY_THREADS);
        }
        maxLoad = Map.copyOf(maxLoad);
        criticalLoad = Map.copyOf(criticalLoad);
    }

    public static MigrationOptions defaults() {
        return new MigrationOptions(1000, 1500, CutoverMode.AUTO, true, false, false, false, false,
                Map.of(), Map.of(), 0, 250, 1, false, false);
    }

    /** A fixed chunk size (the time-steered sizing is off). */
    public MigrationOptions withChunkSize(int n) {
        return edit(b -> {
            b.chunkSize = n;
            b.chunkTimeMs = 0;
        });
    }

    public MigrationOptions withChunkTimeMs(long ms) {
        return edit(b -> b.chunkTimeMs = ms);
    }

    public MigrationOptions withMaxLagMs(long ms) {
        return edit(b -> b.maxLagMs = ms);
    }

    public MigrationOptions withCutover(CutoverMode mode) {
        return edit(b -> b.cutover = mode);
    }

    public MigrationOptions withVerify(boolean on) {
        return edit(b -> b.verify = on);
    }

    public MigrationOptions withCopyThreads(int n) {
        return edit(b -> b.copyThreads = n);
    }

    public MigrationOptions withFullVerify(boolean on) {
        return edit(b -> b.fullVerify = on);
    }

    public MigrationOptions withBinlogFromReplica(boolean on) {
        return edit(b -> b.binlogFromReplica = on);
    }

    public MigrationOptions withDropOldTable(boolean on) {
        return edit(b -> b.dropOldTable = on);
    }

    public MigrationOptions withAllowNullableUniqueKey(boolean on) {
        return edit(b -> b.allowNullableUniqueKey = on);
    }

    public MigrationOptions withApproveRenames(boolean on) {
        return edit(b -> b.approveRenames = on);
    }

    public MigrationOptions withApproveDataLoss(boolean on) {
        return edit(b -> b.approveDataLoss = on);
    }

    public MigrationOptions withMaxLoad(Map<String, Long> thresholds) {
        return edit(b -> b.maxLoad = thresholds);
    }

    public MigrationOptions withCriticalLoad(Map<String, Long> thresholds) {
        return edit(b -> b.criticalLoad = thresholds);
    }

    public MigrationOptions withNiceRatio(double ratio) {
        return edit(b -> b.niceRatio = ratio);
    }

    /** A copy with one or more fields changed (the record's canonical constructor validates it). */
    private MigrationOptions edit(java.util.function.Consumer<Editor> change) {
        Editor e = new Editor(this);
        change.accept(e);
        return new MigrationOptions(e.chunkSize, e.maxLagMs, e.cutover, e.verify, e.dropOldTable, e.allowNullableUniqueKey,
                e.approveRenames, e.approveDataLoss, e.maxLoad, e.criticalLoad, e.niceRatio, e.chunkTimeMs,
                e.copyThreads, e.fullVerify, e.binlogFromReplica);
    }

    private static final class Editor {
        int chunkSize;
        long maxLagMs;
        CutoverMode cutover;
        boolean verify;
        boolean dropOldTable;
        boolean allowNullableUniqueKey;
        boolean approveRenames;
        boolean approveDataLoss;
        Map<String, Long> maxLoad;
        Map<String, Long> criticalLoad;
        double niceRatio;
        long chunkTimeMs;
        int copyThreads;
        boolean fullVerify;
        boolean binlogFromReplica;

        Editor(MigrationOptions o) {
            chunkSize = o.chunkSize;
            maxLagMs = o.maxLagMs;
            cutover = o.cutover;
            verify = o.verify;
            dropOldTable = o.dropOldTable;
            allowNullableUniqueKey = o.allowNullableUniqueKey;
            approveRenames = o.approveRenames;
            approveDataLoss = o.approveDataLoss;
            maxLoad = o.maxLoad;
            criticalLoad = o.criticalLoad;
            niceRatio = o.niceRatio;
            chunkTimeMs = o.chunkTimeMs;
            copyThreads = o.copyThreads;
            fullVerify = o.fullVerify;
            binlogFromReplica = o.binlogFromReplica;
        }
    }

    /**
     * Reads {@code Threads_running=25,Threads_connected=500} (gh-ost's --max-load syntax).
     */
    public static Map<String, Long> parseThresholds(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT,
                        "expected VARIABLE=NUMBER[,VARIABLE=NUMBER...] (e.g. Threads_running=25), got '" + part.strip() + "'");
            }
            try {
                out.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT, "threshold for " + kv[0].strip() + " is not a whole number: '" + kv[1].strip() + "'");
            }
        }
        return out;
    }
}
