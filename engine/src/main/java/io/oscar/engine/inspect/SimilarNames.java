package io.oscar.engine.inspect;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for a name that does not exist: close by edit distance, by case, or by containment. */
final class SimilarNames {
    private static final int MAX_DISTANCE = 2;

    private SimilarNames() {
    }

    /** Up to {@code max} candidates close to {@code wanted}, closest first, then by name. */
    static List<String> suggest(String wanted, Collection<String> candidates, int max) {
        String w = wanted.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> score(w, c.toLowerCase(Locale.ROOT)) <= MAX_DISTANCE)
                .sorted(Comparator.comparingInt((String c) -> score(w, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(max)
                .toList();
    }

    private static int score(String wanted, String candidate) {
        if (wanted.equals(candidate)) {
            return 0;
        }
        if (wanted.length() >= 3 && (candidate.contains(wanted) || wanted.contains(candidate) && candidate.length() >= 3)) {
            return 1;
        }
        return distance(wanted, candidate);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
