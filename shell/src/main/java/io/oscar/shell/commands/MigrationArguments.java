package io.oscar.shell.commands;

import io.oscar.engine.plan.CutoverMode;
import io.oscar.engine.plan.MigrationOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code [--opt...] TABLE ALTER... [--opt...]}: the arguments of {@code plan} and {@code run}. The ALTER
 * text is kept exactly as typed (quotes included); options may stand right after the verb or after it.
 */
public record MigrationArguments(String table, String alter, MigrationOptions options, boolean json, boolean yes) {

    static final Set<String> FLAGS = Set.of("--json", "--yes", "--postpone-cutover", "--no-verify", "--full-verify", "--binlog-from-replica", "--drop-old-table",
            "--allow-nullable-unique-key", "--approve-renames", "--approve-data-loss");
    static final Set<String> VALUED = Set.of("--chunk-size", "--max-lag-ms", "--max-load", "--critical-load",
            "--nice-ratio", "--copy-threads", "--chunk-time-ms");

    /** Every option for completion, sorted; valued ones end with '=' (e.g. {@code --chunk-size=}). */
    public static List<String> optionNames() {
        List<String> all = new ArrayList<>(FLAGS);
        VALUED.forEach(v -> all.add(v + "="));
        all.sort(null);
        return all;
    }

    public static MigrationArguments parse(String raw) {
        List<String> options = new ArrayList<>();
        String rest = raw.strip();
        while (rest.startsWith("--")) {
            int sp = firstSpace(rest);
            String word = rest.substring(0, sp);
            rest = rest.substring(sp).strip();
            if (VALUED.contains(word)) { // "--copy-threads 2": the value is the next word
                int vs = firstSpace(rest);
                word = word + "=" + rest.substring(0, vs);
                rest = rest.substring(vs).strip();
            }
            options.add(word);
        }
        int sp = firstSpace(rest);
        String table = rest.substring(0, sp);
        String alter = rest.substring(sp).strip();
        while (true) {
            int last = lastSpace(alter);
            String word = alter.substring(last + 1);
            String before = last < 0 ? "" : alter.substring(0, last).strip();
            int prev = lastSpace(before);
            String previous = before.substring(prev + 1);
            if (VALUED.contains(previous) && !word.startsWith("--")) { // "--copy-threads 2" at the end
                options.add(0, previous + "=" + word);
                alter = prev < 0 ? "" : before.substring(0, prev).strip();
                continue;
            }
            if (!isOption(word)) {
                break;
            }
            options.add(0, word);
            alter = before;
        }
        if (table.isEmpty() || alter.isEmpty()) {
            throw new UsageException("expected a table and an ALTER, e.g. plan try_osc.baseitem MODIFY id bigint NOT NULL");
        }
        for (String word : alter.split("\\s+")) {
            String bare = word.replaceAll("[,;]+$", "");
            String name = bare.contains("=") ? bare.substring(0, bare.indexOf('=')) : bare;
            if (FLAGS.contains(name) || VALUED.contains(name)) {
                throw new UsageException("option " + bare + " stands inside the ALTER text; put oscar's options right after '"
                        + "run'/'plan' or after the whole ALTER (e.g. run " + table + " ADD COLUMN e int --copy-threads=2)");
            }
        }
        return build(table, alter, options);
    }

    private static MigrationArguments build(String table, String alter, List<String> options) {
        MigrationOptions o = MigrationOptions.defaults();
        boolean json = false;
        boolean yes = false;
        for (String opt : options) {
            String name = opt.contains("=") ? opt.substring(0, opt.indexOf('=')) : opt;
            String value = opt.contains("=") ? opt.substring(opt.indexOf('=') + 1) : null;
            if (!isOption(opt)) {
                throw new UsageException("unknown option " + opt + " (options: " + String.join(" ", FLAGS) + " "
                        + String.join("=.. ", VALUED) + "=..)");
            }
            switch (name) {
                case "--json" -> json = true;
                case "--yes" -> yes = true;
                case "--postpone-cutover" -> o = o.withCutover(CutoverMode.MANUAL);
                case "--no-verify" -> o = o.withVerify(false);
                case "--full-verify" -> o = o.withVerify(true).withFullVerify(true);
                case "--binlog-from-replica" -> o = o.withBinlogFromReplica(true);
                case "--drop-old-table" -> o = o.withDropOldTable(true);
                case "--allow-nullable-unique-key" -> o = o.withAllowNullableUniqueKey(true);
                case "--approve-renames" -> o = o.withApproveRenames(true);
                case "--approve-data-loss" -> o = o.withApproveDataLoss(true);
                case "--chunk-size" -> o = o.withChunkSize(integer(name, value));
                case "--max-lag-ms" -> o = o.withMaxLagMs(integer(name, value));
                case "--nice-ratio" -> o = o.withNiceRatio(number(name, value));
                case "--copy-threads" -> o = o.withCopyThreads(integer(name, value));
                case "--chunk-time-ms" -> o = o.withChunkTimeMs(integer(name, value));
                case "--max-load" -> o = o.withMaxLoad(MigrationOptions.parseThresholds(value));
                case "--critical-load" -> o = o.withCriticalLoad(MigrationOptions.parseThresholds(value));
                default -> throw new UsageException("unknown option " + opt);
            }
        }
        return new MigrationArguments(table, alter, o, json, yes);
    }

    static boolean isOption(String word) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return FLAGS.contains(word) || VALUED.contains(name) && word.contains("=");
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException | NullPointerException e) {
            throw new UsageException(name + " needs a whole number, e.g. " + name + "=1000");
        }
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new UsageException(name + " needs a number, e.g. " + name + "=0.5");
        }
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }
}
