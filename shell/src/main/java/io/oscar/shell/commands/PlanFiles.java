package io.oscar.shell.commands;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.plan.Plan;
import io.oscar.scripts.PlanLoader;
import io.oscar.scripts.SchemaView;
import io.oscar.shell.Shell;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code plan FILE.groovy} / {@code run FILE.groovy}: a plan file loaded against a snapshot of the live foreign keys. */
final class PlanFiles {
    private PlanFiles() {
    }

    /** True when the arguments name a plan file rather than a table. */
    static boolean isPlanFile(String raw) {
        String first = raw.strip().split("\\s+")[0];
        return first.endsWith(".groovy");
    }

    static String fileOf(String raw) {
        return raw.strip().split("\\s+")[0];
    }

    static Plan load(Shell shell, String file) {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cannot read plan file " + path.toAbsolutePath());
        }
        return PlanLoader.load(path, SchemaView.snapshot(shell.session().foreignKeys()));
    }
}
