package io.oscar.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Comparisons of a (possibly composite) key against bound values, spelled out column by column
 * ({@code a > ? OR (a = ? AND b > ?)}) rather than as row constructors, which not every server
 * version turns into an index range.
 */
public final class KeyRange {
    private KeyRange() {
    }

    /** A WHERE fragment and its arguments. */
    public record Fragment(String sql, List<Object> args) {
    }

    /** {@code key > values} (or {@code >=} when {@code inclusive}). */
    public static Fragment after(List<String> columns, List<Object> values, boolean inclusive) {
        return compare(columns, values, ">", inclusive);
    }

    /** {@code key < values} (or {@code <=} when {@code inclusive}). */
    public static Fragment before(List<String> columns, List<Object> values, boolean inclusive) {
        return compare(columns, values, "<", inclusive);
    }

    /**
     * The key range {@code (from, to]}: {@code from} null means from the start, {@code to} null means to
     * the end; both null gives {@code 1 = 1}. The one place chunk ranges are spelled.
     */
    public static Fragment between(List<String> columns, List<Object> from, List<Object> to) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (from != null) {
            Fragment f = after(columns, from, false);
            where.add(f.sql());
            args.addAll(f.args());
        }
        if (to != null) {
            Fragment t = before(columns, to, true);
            where.add(t.sql());
            args.addAll(t.args());
        }
        return new Fragment(where.isEmpty() ? "1 = 1" : String.join(" AND ", where), args);
    }

    /** {@code a = ? AND b = ?}. */
    public static Fragment equal(List<String> columns, List<Object> values) {
        checkSizes(columns, values);
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add(Identifiers.quote(c) + " = ?");
        }
        return new Fragment(String.join(" AND ", parts), List.copyOf(values));
    }

    /**
     * Rows with any of the given keys: {@code k IN (?, ?)} for a one-column key, else
     * {@code (a = ? AND b = ?) OR (...)}. Both forms are index lookups.
     */
    public static Fragment anyOf(List<String> columns, List<Object[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys");
        }
        List<Object> args = new ArrayList<>(keys.size() * columns.size());
        if (columns.size() == 1) {
            for (Object[] key : keys) {
                checkSizes(columns, List.of(key));
                args.add(key[0]);
            }
            return new Fragment(Identifiers.quote(columns.get(0)) + " IN (" + "?, ".repeat(keys.size() - 1) + "?)", args);
        }
        List<String> terms = new ArrayList<>(keys.size());
        for (Object[] key : keys) {
            Fragment f = equal(columns, java.util.Arrays.asList(key));
            terms.add("(" + f.sql() + ")");
            args.addAll(f.args());
        }
        return new Fragment(String.join(" OR ", terms), args);
    }

    private static Fragment compare(List<String> columns, List<Object> values, String op, boolean inclusive) {
        checkSizes(columns, values);
        List<String> disjuncts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        int n = columns.size();
        for (int i = 0; i < n; i++) {
            List<String> conj = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                conj.add(Identifiers.quote(columns.get(j)) + " = ?");
                args.add(values.get(j));
            }
            boolean last = i == n - 1;
            conj.add(Identifiers.quote(columns.get(i)) + " " + op + (last && inclusive ? "=" : "") + " ?");
            args.add(values.get(i));
            disjuncts.add(conj.size() == 1 ? conj.get(0) : "(" + String.join(" AND ", conj) + ")");
        }
        return new Fragment(disjuncts.size() == 1 ? disjuncts.get(0) : "(" + String.join(" OR ", disjuncts) + ")", args);
    }

    private static void checkSizes(List<String> columns, List<Object> values) {
        if (columns.isEmpty() || columns.size() != values.size()) {
            throw new IllegalArgumentException(columns.size() + " key columns but " + values.size() + " values");
        }
    }
}
