package io.oscar.scripts;

import groovy.lang.Closure;
import groovy.lang.Script;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.plan.Plan;
import io.oscar.engine.plan.Step;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The base class of every plan script: each statement records a step, in order; nothing runs.
 * The only outside world in reach is the {@link SchemaView}, which reads.
 *
 * <pre>
 * description "Widen baseitem.id to bigint"
 * schema "try_osc"
 * def fks = foreignKeysReferencing("baseitem")
 * fks.each { dropForeignKey it }
 * migrate("referringitem") { alter "MODIFY baseitem_id bigint NOT NULL"; chunkSize 2000 }
 * migrate("baseitem")      { alter "MODIFY id bigint NOT NULL AUTO_INCREMENT"; cutover MANUAL }
 * fks.each { checkOrphans it; restoreForeignKey it }
 * </pre>
 */
public abstract class PlanScript extends Script {

    private final List<Step> recordedSteps = new ArrayList<>();
    private String recordedDescription;
    private String defaultSchema;
    private SchemaView schemaView;

    /** What the plan is for, shown to the operator before it runs. Once per plan. */
    public void description(String text) {
        if (recordedDescription != null) {
            throw invalid("description given twice");
        }
        recordedDescription = Objects.requireNonNull(text, "description").strip();
    }

    /** The schema of table names written without one, for the statements after this one. */
    public void schema(String name) {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw invalid("schema takes a schema name without a table, e.g. schema \"try_osc\"; got '" + name + "'");
        }
        defaultSchema = name.strip();
    }

    /** The foreign keys that reference {@code table} (its children), read from the live schema. */
    public List<ForeignKey> foreignKeysReferencing(Object table) {
        return List.copyOf(schemaView.referencing(tableName(table)));
    }

    /** The foreign keys {@code table} declares (it is the child), read from the live schema. */
    public List<ForeignKey> foreignKeysOf(Object table) {
        return List.copyOf(schemaView.declaredBy(tableName(table)));
    }

    /** One foreign key declared by {@code table}, by constraint name; fails if the table has none so named. */
    public ForeignKey foreignKey(Object table, String name) {
        TableName t = tableName(table);
        List<ForeignKey> declared = schemaView.declaredBy(t);
        return declared.stream().filter(fk -> fk.name().equals(name)).findFirst()
                .orElseThrow(() -> invalid(t + " has no foreign key named '" + name + "'; it declares "
                        + declared.stream().map(ForeignKey::name).toList()));
    }

    /** Migrate {@code table} online; the block sets the options and must give {@code alter}. */
    public void migrate(Object table, Closure<?> options) {
        record(migration(table, null, options));
    }

    /** Migrate {@code table} online with default options. */
    public void migrate(Object table, String alter) {
        record(migration(table, alter, null));
    }

    public void migrate(Object table, String alter, Closure<?> options) {
        record(migration(table, alter, options));
    }

    public void dropForeignKey(ForeignKey fk) {
        record(new Step.DropForeignKey(requireFk("dropForeignKey", fk)));
    }

    public void checkOrphans(ForeignKey fk) {
        record(new Step.CheckOrphans(requireFk("checkOrphans", fk)));
    }

    public void restoreForeignKey(ForeignKey fk) {
        record(new Step.RestoreForeignKey(requireFk("restoreForeignKey", fk)));
    }

    /** Run one SQL statement, as written, when the plan reaches this step. */
    public void sql(String statement) {
        if (statement == null || statement.isBlank()) {
            throw invalid("sql is empty");
        }
        record(new Step.RunSql(statement.strip()));
    }

    /** Stop the plan here until the operator continues; the message says what to look at. */
    public void pause(String message) {
        if (message == null || message.isBlank()) {
            throw invalid("pause needs a message saying what the operator should check");
        }
        record(new Step.Pause(message.strip()));
    }

    /** Refused: a plan is one file; evaluating more code would bypass the loader's checks. */
    @Override
    public Object evaluate(String expression) {
        throw invalid("evaluate is not available in a plan");
    }

    @Override
    public Object evaluate(File file) {
        throw invalid("evaluate is not available in a plan");
    }

    @Override
    public void run(File file, String[] arguments) {
        throw invalid("run(file) is not available in a plan");
    }

    void attach(SchemaView view) {
        if (schemaView != null) {
            throw new IllegalStateException("a plan script is loaded once");
        }
        schemaView = Objects.requireNonNull(view, "view");
    }

    Plan toPlan(String name) {
        return new Plan(name, recordedDescription == null ? "" : recordedDescription, recordedSteps);
    }

    private Step.MigrateTable migration(Object table, String alter, Closure<?> options) {
        MigrationBuilder builder = new MigrationBuilder(tableName(table), null, getBinding());
        if (alter != null) {
            builder.alter(alter);
        }
        if (options != null) {
            Closure<?> body = (Closure<?>) options.clone();
            body.setResolveStrategy(Closure.DELEGATE_ONLY);
            body.setDelegate(builder);
            body.call();
        }
        return builder.build();
    }

    private TableName tableName(Object table) {
        if (table instanceof TableName t) {
            return t;
        }
        if (table instanceof CharSequence text) {
            return TableName.parse(text.toString(), defaultSchema);
        }
        throw invalid("expected a table name such as \"try_osc.baseitem\", got " + table);
    }

    private static ForeignKey requireFk(String statement, ForeignKey fk) {
        if (fk == null) {
            throw invalid(statement + " needs a foreign key, e.g. from foreignKeysReferencing(\"schema.table\")");
        }
        return fk;
    }

    private void record(Step step) {
        recordedSteps.add(step);
    }

    private static OscarException invalid(String message) {
        return new OscarException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
