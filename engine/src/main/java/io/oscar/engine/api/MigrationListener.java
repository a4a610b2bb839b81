package io.oscar.engine.api;

/**
 * Hears what a migration does, on the migration's own threads: must return quickly and never throw.
 * The shell prints these above the prompt; batch mode prints them as lines.
 */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() { };

    default void phaseChanged(String table, Phase phase) {
    }

    /** Something the operator should see: throttling and its reason, ready for cut-over, lock time... */
    default void event(String table, String message) {
    }

    /** Periodic progress (about every second while copying). */
    default void progress(Progress progress) {
    }
}
