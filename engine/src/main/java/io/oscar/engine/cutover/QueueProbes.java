package io.oscar.engine.cutover;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.cutover.CutOverOptions.ProbeMode;
import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.ArtifactNames;
import io.oscar.engine.sql.CutOverSql;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Chooses how the queued RENAME is detected, before anything is locked. */
final class QueueProbes {
    private QueueProbes() {
    }

    /** METADATA_LOCKS or PROCESSLIST; throws PREFLIGHT_FAILED when neither is sound here. */
    static ProbeMode resolve(StatementRunner controller, ProbeMode requested, ArtifactNames names) {
        boolean instrumented = mdlInstrumentOn(controller);
        if (requested == ProbeMode.METADATA_LOCKS || requested == ProbeMode.AUTO && instrumented) {
            if (!instrumented) {
                throw new OscarException(ErrorCode.PREFLIGHT_FAILED, howToEnable("the cut-over was told to use it"));
            }
            return ProbeMode.METADATA_LOCKS;
        }
        if (!firstInLockOrder(names.original(), names.old())) {
            throw new OscarException(ErrorCode.PREFLIGHT_FAILED, howToEnable("table " + names.original()
                    + " sorts after its sentry " + names.old().table() + ", so the processlist cannot tell whether the"
                    + " RENAME already waits on " + names.original().table()));
        }
        return ProbeMode.PROCESSLIST;
    }

    /** Throws PREFLIGHT_FAILED, saying {@code why}, unless performance_schema's MDL instrument is on. */
    static void requireMetadataLocks(StatementRunner controller, String why) {
        if (!mdlInstrumentOn(controller)) {
            throw new OscarException(ErrorCode.PREFLIGHT_FAILED, howToEnable(why));
        }
    }

    static RenameQueueProbe create(ProbeMode mode, StatementRunner controller, long renamerConnectionId) {
        return mode == ProbeMode.PROCESSLIST
                ? new ProcesslistProbe(controller, renamerConnectionId)
                : new MetadataLockProbe(controller, renamerConnectionId);
    }

    /** The server sorts a statement's MDL requests by key bytes ({@code db\0name}): same schema, compare names. */
    static boolean firstInLockOrder(TableName table, TableName other) {
        byte[] a = table.table().getBytes(StandardCharsets.UTF_8);
        byte[] b = other.table().getBytes(StandardCharsets.UTF_8);
        return Arrays.compareUnsigned(a, b) < 0;
    }

    /**
     * Whether the MDL instrument is on. When performance_schema is on but the instrument is off (MariaDB's
     * default), turns it on at run time if the user may (it only adds bookkeeping), and says so.
     */
    private static boolean mdlInstrumentOn(StatementRunner controller) {
        List<int[]> rows = controller.query(CutOverSql.mdlInstrument(),
                rs -> new int[]{(int) rs.getLong(1), "YES".equalsIgnoreCase(rs.getString(2)) ? 1 : 0});
        if (rows.isEmpty() || rows.get(0)[0] != 1) {
            return false;
        }
        if (rows.get(0)[1] == 1) {
            return true;
        }
        try {
            controller.update(CutOverSql.enableMdlInstrument());
        } catch (OscarException e) {
            return false; // no privilege: the caller explains how to enable it
        }
        return controller.query(CutOverSql.mdlInstrument(), rs -> "YES".equalsIgnoreCase(rs.getString(2)))
                .stream().findFirst().orElse(false);
    }

    private static String howToEnable(String why) {
        return "the cut-over needs performance_schema.metadata_locks to see the RENAME queued (" + why + "): start the server"
                + " with performance_schema=ON and run UPDATE performance_schema.setup_instruments SET ENABLED='YES', TIMED='YES'"
                + " WHERE NAME='" + CutOverSql.MDL_INSTRUMENT + "'";
    }
}
