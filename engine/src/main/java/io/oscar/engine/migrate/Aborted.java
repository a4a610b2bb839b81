package io.oscar.engine.migrate;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

/** Thrown on the engine thread when the operator aborts: unwinds to the clean-up. */
final class Aborted extends OscarException {
    Aborted(String table) {
        super(ErrorCode.ABORTED, "migration of " + table + " aborted by the operator; the original table is untouched");
    }
}
