package io.oscar.engine.alter;

import io.oscar.engine.schema.ColumnMapping;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * gh-ost's shared-key rule, exactly: the original and the new table must share a unique key, by its
 * columns (not its name; renamed columns count as the same column), whose columns are all NOT NULL in
 * both tables. A type change of a key column is allowed: the values stay the same. The primary key is
 * preferred, then the key with the fewest columns. {@code allowNullable} (gh-ost's
 * {@code --allow-nullable-unique-key}) also accepts keys with nullable columns, after NOT NULL ones,
 * with a warning: any actual NULL may corrupt the migration.
 *
 * <p>A key on a generated or dropped column is never shared: such a column is not copied.
 */
public final class SharedKeys {

    static final String WORKAROUND = "To change the primary key (or the only NOT NULL unique key) to other columns, "
            + "migrate in two steps: 1. ADD UNIQUE KEY temp_pk (%1$s); 2. DROP PRIMARY KEY, DROP KEY temp_pk, "
            + "ADD PRIMARY KEY (%1$s).";

    private SharedKeys() {
    }

    public static SharedKeyResult find(AlterAnalysis analysis, boolean allowNullable) {
        return find(analysis.before(), analysis.after(), analysis.columnMapping(), allowNullable);
    }

    public static SharedKeyResult find(TableSchema before, TableSchema after, ColumnMapping mapping, boolean allowNullable) {
        List<SharedKey> all = new ArrayList<>();
        for (Index oldKey : before.uniqueKeys()) {
            sharedWith(oldKey, before, after, mapping).ifPresent(all::add);
        }
        List<SharedKey> floating = all.stream().filter(k -> hasFloatColumn(k, before, after)).toList();
        List<SharedKey> eligible = all.stream().filter(k -> allowNullable || !k.nullable())
                .filter(k -> !floating.contains(k))
                .sorted(Comparator.comparing(SharedKey::nullable).thenComparingInt(SharedKey::rank)
                        .thenComparingInt(k -> k.oldColumns().size()))
                .toList();
        if (eligible.isEmpty()) {
            return new SharedKeyResult(null, List.of(), List.of(), reason(before, after,
                    all.stream().filter(k -> !floating.contains(k)).toList(), floating));
        }
        SharedKey chosen = eligible.get(0);
        List<String> warnings = chosen.nullable()
                ? List.of("shared key " + chosen + " has nullable columns (allowed by allowNullable): "
                + "the migration is correct only if they hold no NULLs; any NULL may corrupt it")
                : List.of();
        return new SharedKeyResult(chosen, eligible, warnings, null);
    }

    /** The new table's unique key with the same columns as {@code oldKey} (mapped through renames), if any. */
    private static Optional<SharedKey> sharedWith(Index oldKey, TableSchema before, TableSchema after, ColumnMapping mapping) {
        List<String> newColumns = new ArrayList<>();
        for (String c : oldKey.columns()) {
            Optional<String> mapped = mapping.newNameOf(c);
            if (mapped.isEmpty()) {
                return Optional.empty();
            }
            newColumns.add(mapped.get());
        }
        Index mappedKey = new Index(oldKey.name(), newColumns.stream().map(String::toLowerCase).toList(), true, false);
        return after.uniqueKeys().stream()
                .filter(k -> mappedKey.sameColumnsAs(new Index(k.name(), k.columns().stream().map(String::toLowerCase)
                        .toList(), true, false)))
                .findFirst()
                .map(newKey -> new SharedKey(oldKey, newKey, oldKey.columns(), newColumns,
                        !before.notNull(oldKey) || !after.notNull(newKey)));
    }

    /**
     * gh-ost will not iterate or match rows by a FLOAT/DOUBLE key: floating-point values do not
     * round-trip exactly through text and comparisons, so a row could be copied twice or never.
     */
    private static boolean hasFloatColumn(SharedKey k, TableSchema before, TableSchema after) {
        for (int i = 0; i < k.oldColumns().size(); i++) {
            if (isFloat(before, k.oldColumns().get(i)) || isFloat(after, k.newColumns().get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFloat(TableSchema t, String column) {
        return t.column(column).map(c -> c.dataType().equalsIgnoreCase("float") || c.dataType().equalsIgnoreCase("double")
                || c.dataType().equalsIgnoreCase("real")).orElse(false);
    }

    private static String reason(TableSchema before, TableSchema after, List<SharedKey> nullableOnly, List<SharedKey> floating) {
        StringBuilder sb = new StringBuilder();
        sb.append(before.name()).append(": the original and the new table share no NOT NULL unique key ")
                .append("(compared by columns; unique keys before: ").append(describe(before.uniqueKeys()))
                .append("; after: ").append(describe(after.uniqueKeys())).append("). ");
        if (!nullableOnly.isEmpty()) {
            sb.append("Shared but with nullable columns: ").append(nullableOnly.get(0))
                    .append("; if those columns hold no NULLs, allow nullable unique keys (allowNullable, "
                            + "gh-ost's --allow-nullable-unique-key), or make them NOT NULL first. ");
        }
        if (!floating.isEmpty()) {
            sb.append("Shared but on a FLOAT/DOUBLE column: ").append(floating.get(0))
                    .append(" (floating-point values compare inexactly, so rows could be copied twice or missed); ")
                    .append("add a unique key on exact columns first. ");
        }
        if (before.uniqueKeys().isEmpty()) {
            sb.append("The table has no unique key at all: oscar copies and matches rows by one, so give it one first,"
                    + " as a plain ALTER TABLE (e.g. ADD PRIMARY KEY on NOT NULL columns that are unique, or ADD COLUMN"
                    + " id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY), then migrate.");
            return sb.toString();
        }
        String newPk = after.primaryKey().map(pk -> String.join(", ", pk.columns())).orElse("temp_pk_column, ...");
        sb.append(String.format(WORKAROUND, newPk));
        return sb.toString();
    }

    private static String describe(List<Index> keys) {
        if (keys.isEmpty()) {
            return "none";
        }
        return String.join(", ", keys.stream().map(k -> k.name() + " (" + String.join(", ", k.columns()) + ")").toList());
    }
}
