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
    private final String sharedKeyOnGhost;
    private final Pacer pacer;

    /** @param sharedKeyOnGhost the shared key's index name on the ghost: duplicates there mean "the applier was first" */
    public RowCopier(StatementRunner ghostWriter, CopyTarget target, String sharedKeyOnGhost, Pacer pacer) {
        this.ghostWriter = ghostWriter;
        this.target = target;
        this.sharedKeyOnGhost = sharedKeyOnGhost;
        this.pacer = pacer;
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
            if (w.code() == ER_DUP_ENTRY && duplicateOnSharedKey(w.message())) {
                continue;
            }
            throw new OscarException(ErrorCode.DATA_LOSS, "copying " + target.source() + " chunk " + chunk.number()
                    + " (key " + range(chunk) + ") into " + target.ghost() + " would change data: " + w.message()
                    + " (warning " + w.code() + "). Nothing was swapped; fix the data or the ALTER and run again");
        }
    }

    private boolean duplicateOnSharedKey(String message) {
        // MySQL 8: "for key 't.PRIMARY"; MariaDB and MySQL 5.7: "for key 'PRIMARY'"
        return message.endsWith("'" + sharedKeyOnGhost + "'") || message.endsWith("." + sharedKeyOnGhost + "'");
    }

    private static String range(Chunk c) {
        return (c.from() == null ? "start" : c.from().toString()) + " .. " + c.to();
    }
}
