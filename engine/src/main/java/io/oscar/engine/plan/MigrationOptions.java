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
 */
public record MigrationOptions(int chunkSize, long maxLagMs, CutoverMode cutover, boolean verify, boolean dropOldTable,
                               boolean allowNullableUniqueKey, boolean approveRenames, boolean approveDataLoss,
                               Map<String, Long> maxLoad, Map<String, Long> criticalLoad, double niceRatio) {

    public static final int MIN_CHUNK = 10;
    public static final int MAX_CHUNK = 100_000;

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
        maxLoad = Map.copyOf(maxLoad);
        criticalLoad = Map.copyOf(criticalLoad);
    }

    public static MigrationOptions defaults() {
        return new MigrationOptions(1000, 1500, CutoverMode.AUTO, true, false, false, false, false,
                Map.of(), Map.of(), 0);
    }

    public MigrationOptions withChunkSize(int n) {
        return new MigrationOptions(n, maxLagMs, cutover, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withMaxLagMs(long ms) {
        return new MigrationOptions(chunkSize, ms, cutover, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withCutover(CutoverMode mode) {
        return new MigrationOptions(chunkSize, maxLagMs, mode, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withVerify(boolean on) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, on, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withDropOldTable(boolean on) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, on, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withAllowNullableUniqueKey(boolean on) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, dropOldTable, on, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withApproveRenames(boolean on) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, dropOldTable, allowNullableUniqueKey, on,
                approveDataLoss, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withApproveDataLoss(boolean on) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                on, maxLoad, criticalLoad, niceRatio);
    }

    public MigrationOptions withMaxLoad(Map<String, Long> thresholds) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, thresholds, criticalLoad, niceRatio);
    }

    public MigrationOptions withCriticalLoad(Map<String, Long> thresholds) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, thresholds, niceRatio);
    }

    public MigrationOptions withNiceRatio(double ratio) {
        return new MigrationOptions(chunkSize, maxLagMs, cutover, verify, dropOldTable, allowNullableUniqueKey, approveRenames,
                approveDataLoss, maxLoad, criticalLoad, ratio);
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
