package io.oscar.engine.plan;

import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.util.Objects;

/**
 * One step of a plan. Every step is idempotent or checks its precondition when run, so a re-run of a
 * plan can resume after the last completed step.
 */
public sealed interface Step {

    /** One line for the operator: what this step does. Also the input of the plan's hash. */
    String describe();

    /** Migrate one table online (ghost table, copy, binlog replay, verify, cut-over). */
    record MigrateTable(TableName table, String alter, MigrationOptions options) implements Step {
        public MigrateTable {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(alter, "alter");
            Objects.requireNonNull(options, "options");
        }

        @Override
        public String describe() {
            return "migrate " + table + ": " + alter + (options.cutover() == CutoverMode.MANUAL ? " (cut-over when told)" : "");
        }
    }

    /** Drop a foreign key (the definition is kept in the plan to restore it). Gone already is fine. */
    record DropForeignKey(ForeignKey foreignKey) implements Step {
        @Override
        public String describe() {
            return "drop foreign key " + foreignKey.name() + " on " + foreignKey.child()
                    + " " + foreignKey.childColumns() + " -> " + foreignKey.parent() + " " + foreignKey.parentColumns();
        }
    }

    /** Count child rows without a parent for this FK; any orphan stops the plan with examples. */
    record CheckOrphans(ForeignKey foreignKey) implements Step {
        @Override
        public String describe() {
            return "check for rows of " + foreignKey.child() + " without a parent in " + foreignKey.parent()
                    + " (" + foreignKey.name() + ")";
        }
    }

    /** Re-add a foreign key under its original name. Present already is fine. */
    record RestoreForeignKey(ForeignKey foreignKey) implements Step {
        @Override
        public String describe() {
            return "restore foreign key " + foreignKey.name() + " on " + foreignKey.child()
                    + " " + foreignKey.childColumns() + " -> " + foreignKey.parent() + " " + foreignKey.parentColumns()
                    + " ON DELETE " + foreignKey.onDelete() + " ON UPDATE " + foreignKey.onUpdate();
        }
    }

    /** Run one SQL statement written by the operator. */
    record RunSql(String sql) implements Step {
        @Override
        public String describe() {
            return "run SQL: " + sql;
        }
    }

    /** Stop and wait for the operator to continue. */
    record Pause(String message) implements Step {
        @Override
        public String describe() {
            return "pause: " + message;
        }
    }
}
