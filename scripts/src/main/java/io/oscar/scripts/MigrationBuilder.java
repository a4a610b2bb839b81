package io.oscar.scripts;

import groovy.lang.Binding;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingPropertyException;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.plan.CutoverMode;
import io.oscar.engine.plan.MigrationOptions;
import io.oscar.engine.plan.Step;
import io.oscar.engine.schema.TableName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The delegate of a {@code migrate(table) { ... }} block: one method per option, each starting from
 * {@link MigrationOptions#defaults()}. Only options live here; plan statements such as {@code pause}
 * are not reachable inside the block (the closure resolves against this builder only).
 */
public final class MigrationBuilder extends GroovyObjectSupport {

    /** One example per option, for error messages. */
    static final List<String> USAGE = List.of("alter \"MODIFY c bigint NOT NULL\"", "chunkSize 2000", "maxLagMs 1500",
            "cutover MANUAL", "verify true", "dropOldTable true", "niceRatio 0.5", "maxLoad \"Threads_running=25\"",
            "criticalLoad \"Threads_running=200\"", "approveRenames true", "approveDataLoss true",
            "allowNullableUniqueKey true");

    /** The option names. */
    static final List<String> OPTIONS = USAGE.stream().map(u -> u.substring(0, u.indexOf(' '))).toList();

    private final TableName table;
    private final Binding binding;
    private String alter;
    private MigrationOptions options = MigrationOptions.defaults();

    MigrationBuilder(TableName table, String alter, Binding binding) {
        this.table = table;
        this.alter = alter;
        this.binding = binding;
    }

    /** The ALTER TABLE text after the table name, e.g. {@code MODIFY id bigint NOT NULL}. Required, once. */
    public void alter(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("alter is empty; write the ALTER TABLE text after the table name, e.g. alter \"ADD INDEX k (c)\"");
        }
        if (alter != null) {
            throw invalid("alter given twice for " + table + "; write one alter with the changes separated by commas");
        }
        alter = text.strip();
    }

    public void chunkSize(Number rows) {
        options = options.withChunkSize(whole("chunkSize", rows));
    }

    public void maxLagMs(Number ms) {
        options = options.withMaxLagMs(whole("maxLagMs", ms));
    }

    /** {@code cutover MANUAL} waits at READY for the operator; {@code cutover AUTO} (the default) does not. */
    public void cutover(CutoverMode mode) {
        options = options.withCutover(mode);
    }

    public void cutover(String mode) {
        try {
            cutover(CutoverMode.valueOf(mode.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw invalid("cutover takes AUTO or MANUAL, got '" + mode + "'");
        }
    }

    public void verify(boolean on) {
        options = options.withVerify(on);
    }

    /** {@code binlogFromReplica true}: read the binlog from the replica, not the primary (see MigrationOptions). */
    public void binlogFromReplica(boolean on) {
        options = options.withBinlogFromReplica(on);
    }

    /** {@code fullVerify true}: compare every row at the consistent point, not only what changed after each chunk's check. */
    public void fullVerify(boolean on) {
        options = options.withFullVerify(on);
    }

    /** {@code copyThreads 4}: chunks copied at the same time, each on its own connection. */
    public void copyThreads(Number n) {
        options = options.withCopyThreads(whole("copyThreads", n));
    }

    public void dropOldTable(boolean on) {
        options = options.withDropOldTable(on);
    }

    public void niceRatio(Number ratio) {
        options = options.withNiceRatio(ratio.doubleValue());
    }

    /** {@code maxLoad "Threads_running=25,Threads_connected=500"} or {@code maxLoad Threads_running: 25}. */
    public void maxLoad(String thresholds) {
        options = options.withMaxLoad(MigrationOptions.parseThresholds(thresholds));
    }

    public void maxLoad(Map<?, ?> thresholds) {
        options = options.withMaxLoad(longs("maxLoad", thresholds));
    }

    public void criticalLoad(String thresholds) {
        options = options.withCriticalLoad(MigrationOptions.parseThresholds(thresholds));
    }

    public void criticalLoad(Map<?, ?> thresholds) {
        options = options.withCriticalLoad(longs("criticalLoad", thresholds));
    }

    public void approveRenames(boolean on) {
        options = options.withApproveRenames(on);
    }

    public void approveRenames() {
        approveRenames(true);
    }

    public void approveDataLoss(boolean on) {
        options = options.withApproveDataLoss(on);
    }

    public void approveDataLoss() {
        approveDataLoss(true);
    }

    public void allowNullableUniqueKey(boolean on) {
        options = options.withAllowNullableUniqueKey(on);
    }

    public void allowNullableUniqueKey() {
        allowNullableUniqueKey(true);
    }

    /**
     * Groovy calls this for a name that is no option: the script's binding variables stay readable
     * inside the block; anything else is a mistake worth naming (e.g. {@code cutover MANUALY}).
     */
    public Object propertyMissing(String name) {
        if (binding.hasVariable(name)) {
            return binding.getVariable(name);
        }
        int i = OPTIONS.indexOf(name);
        String hint = i >= 0 ? "; " + name + " needs a value, e.g. " + USAGE.get(i)
                : name.equals(name.toUpperCase(Locale.ROOT)) ? "; cutover takes AUTO or MANUAL" : "";
        throw new MissingPropertyException("unknown name '" + name + "' in migrate(\"" + table + "\") { }" + hint, name,
                MigrationBuilder.class);
    }

    /**
     * Groovy falls back to this when a call matches no option, or an option with the wrong kind of
     * value (it is not called for calls that match).
     */
    @Override
    public Object invokeMethod(String name, Object args) {
        Object[] values = args instanceof Object[] a ? a : new Object[] {args};
        int i = OPTIONS.indexOf(name);
        if (i >= 0) {
            throw invalid(name + " does not take " + PlanErrors.types(values) + "; write e.g. " + USAGE.get(i));
        }
        String hint = PlanErrors.STATEMENTS.contains(name) ? " (" + name + " is a plan statement: write it outside the block)" : "";
        throw invalid("unknown option '" + name + "' in migrate(\"" + table + "\") { }" + hint + "; options are " + OPTIONS);
    }

    Step.MigrateTable build() {
        if (alter == null) {
            throw invalid("migrate(\"" + table + "\") has no alter; add alter \"...\" inside the block");
        }
        return new Step.MigrateTable(table, alter, options);
    }

    private static int whole(String option, Number n) {
        long v = n.longValue();
        if (v != n.doubleValue() || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw invalid(option + " takes a whole number, got " + n);
        }
        return (int) v;
    }

    private static Map<String, Long> longs(String option, Map<?, ?> in) {
        Map<String, Long> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (!(v instanceof Number n)) {
                throw invalid(option + " threshold for " + k + " is not a number: '" + v + "'");
            }
            out.put(String.valueOf(k), n.longValue());
        });
        return out;
    }

    private static OscarException invalid(String message) {
        return new OscarException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
