package io.oscar.engine.alter;

import java.util.List;

/** Identifier helpers: MySQL identifiers are compared case-insensitively and may be back-quoted. */
final class Names {

    private Names() {
    }

    /** {@code `a``b`} -> {@code a`b}; {@code "a"} -> {@code a}; plain names unchanged. */
    static String unquote(String identifier) {
        if (identifier == null) {
            return null;
        }
        String s = identifier.strip();
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            return s.substring(1, s.length() - 1).replace("``", "`");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    /**
     * The column named by an index part as JSqlParser prints it: {@code `a`}, {@code a (10)},
     * {@code b DESC} all name one column.
     */
    static String indexColumn(String part) {
        String s = part.strip();
        if (s.startsWith("`")) {
            int end = 1;
            while (end < s.length()) {
                if (s.charAt(end) == '`' && (end + 1 >= s.length() || s.charAt(end + 1) != '`')) {
                    break;
                }
                end += s.charAt(end) == '`' ? 2 : 1;
            }
            return unquote(s.substring(0, Math.min(end + 1, s.length())));
        }
        int cut = 0;
        while (cut < s.length() && !Character.isWhitespace(s.charAt(cut)) && s.charAt(cut) != '(') {
            cut++;
        }
        return s.substring(0, cut);
    }

    static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }

    static boolean contains(List<String> names, String name) {
        return names.stream().anyMatch(n -> same(n, name));
    }
}
