package io.oscar.engine.copy;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.migrate.Pacer;
import io.oscar.engine.sql.CopySql;

import java.time.Duration;
import java.util.List;

/**
 * Copies one chunk into the ghost table. Retries deadlocks and lock wait timeouts with backoff; stops
 * the migration on any warning that means data would be lost or changed in the ghost (truncation,
 * a duplicate in a new unique key, an invalid value), naming the chunk's key range.
 */
public final class RowCopier {
    static final int ER_DUP_ENTRY = 1062;
    private static final int ATTEMPTS = 5;

    private final StatementRunner ghostWriter;
    private final CopyTarget target;
    private final java.util.Set<String> keysTheOriginalEnforces;
    private final Pacer pacer;

    /**
     * @param keysTheOriginalEnforces the ghost's unique keys whose columns the original also keeps unique
     *        (the shared key among them): a duplicate there means "the applier wrote this row first", never
     *        lost data. A duplicate in any other unique key of the ghost (one the ALTER adds) is data loss.
     */
    public RowCopier(StatementRunner ghostWriter, CopyTarget target, java.util.Set<String> keysTheOriginalEnforces, Pacer pacer) {
        this.ghostWriter = ghostWriter;
        this.target = target;
        this.keysTheOriginalEnforces = java.util.Set.copyOf(keysTheOriginalEnforces);
        this.pacer = pacer;
    }

    /** Convenience for a ghost whose only unique key the original shares. */
    public RowCopier(StatementRunner ghostWriter, CopyTarget target, String sharedKeyOnGhost, Pacer pacer) {
        this(ghostWriter, target, java.util.Set.of(sharedKeyOnGhost), pacer);
    }

    /** Copies the chunk; returns the rows inserted (rows the applier wrote first are skipped). */
    public int copy(Chunk chunk) {
        var statement = CopySql.copyChunk(target.source(), target.ghost(), target.index(), target.key(),
                target.sourceColumns(), target.ghostColumns(), chunk.from(), chunk.to());
        for (int attempt = 1; ; attempt++) {
            try {
                StatementRunner.UpdateResult result = ghostWriter.updateWithWarnings(statement);
                checkWarnings(chunk, result.warnings());
                return result.rows();
            } catch (OscarException e) {
                if (attempt >= ATTEMPTS || !StatementRunner.retryable(e)) {
                    throw e;
                }
                pacer.pause(Duration.ofMillis(50L << attempt));
            }
        }
    }

    private void checkWarnings(Chunk chunk, List<StatementRunner.Warning> warnings) {
        for (StatementRunner.Warning w : warnings) {
            if (w.code() == ER_DUP_ENTRY && duplicateOnEnforcedKey(w.message())) {
                continue;
            }
            throw new OscarException(ErrorCode.DATA_LOSS, "copying " + target.source() + " chunk " + chunk.number()
                    + " (key " + range(chunk) + ") into " + target.ghost() + " would change data: " + w.message()
                    + " (warning " + w.code() + "). Nothing was swapped; fix the data or the ALTER and run again");
        }
    }

    private boolean duplicateOnEnforcedKey(String message) {
        // MySQL 8: "for key 't.PRIMARY'"; MariaDB and MySQL 5.7: "for key 'PRIMARY'"
        return keysTheOriginalEnforces.stream().anyMatch(k -> message.endsWith("'" + k + "'") || message.endsWith("." + k + "'"));
    }

    private static String range(Chunk c) {
        return (c.from() == null ? "start" : c.from().toString()) + " .. " + c.to();
    }
}
