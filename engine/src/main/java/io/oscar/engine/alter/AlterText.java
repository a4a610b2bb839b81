package io.oscar.engine.alter;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical preparation of the operator's ALTER text before JSqlParser reads it: strips a trailing
 * {@code ;} and comments, tells the full form ({@code ALTER TABLE t ...}) from a bare clause list,
 * and splits the clauses at top-level commas so each can be echoed exactly as written.
 *
 * <p>Only one rewrite is made, for the parser's copy and never for the echoed text: JSqlParser 5.4
 * cannot read MySQL's {@code DROP FOREIGN KEY name} but reads {@code DROP FOREIGN KEY (name)}.
 */
final class AlterText {

    /** MariaDB's ONLINE only asks the server to refuse a blocking ALTER: oscar never blocks, so it is dropped. */
    private static final Pattern FULL_FORM = Pattern.compile("(?is)^ALTER\\s+(ONLINE\\s+|IGNORE\\s+)?TABLE\\s+");
    private static final String IDENT = "(?:`(?:[^`]|``)+`|[\\w$]+)";
    private static final Pattern TABLE_REF = Pattern.compile("(?s)^(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?)\\s*");
    private static final Pattern DROP_FK = Pattern.compile("(?is)^DROP\\s+FOREIGN\\s+KEY\\s+(" + IDENT + ")$");

    /**
     * @param tableText      the table as the full form names it, null for a bare clause list
     * @param clauses        each clause as written, trimmed
     * @param parserClauses  the same clauses as handed to JSqlParser
     */
    record Prepared(String tableText, List<String> clauses, List<String> parserClauses) {
        String parserText(String defaultTable) {
            return "ALTER TABLE " + (tableText != null ? tableText : defaultTable) + " " + String.join(", ", parserClauses);
        }
    }

    private AlterText() {
    }

    static Prepared prepare(String text) {
        if (text == null || text.isBlank()) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "empty ALTER: give clauses such as 'ADD COLUMN c int'");
        }
        String body = stripTrailingSemicolons(stripComments(text).strip());
        String tableText = null;
        Matcher full = FULL_FORM.matcher(body);
        if (full.find()) {
            if (full.group(1) != null && full.group(1).strip().equalsIgnoreCase("IGNORE")) {
                throw new OscarException(ErrorCode.INVALID_ALTER, "ALTER IGNORE is not supported: it silently deletes "
                        + "rows that break a new unique key; remove the duplicates first, then ALTER without IGNORE");
            }
            Matcher table = TABLE_REF.matcher(body.substring(full.end()));
            if (!table.find()) {
                throw new OscarException(ErrorCode.INVALID_ALTER, "cannot read the table name in '" + text.strip() + "'");
            }
            tableText = table.group(1);
            body = body.substring(full.end() + table.end());
        }
        List<String> clauses = split(body);
        if (clauses.isEmpty()) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "ALTER names no change: give clauses such as 'ADD COLUMN c int'");
        }
        List<String> parserClauses = clauses.stream().map(AlterText::forParser).toList();
        return new Prepared(tableText, clauses, parserClauses);
    }

    private static String forParser(String clause) {
        Matcher m = DROP_FK.matcher(clause);
        return m.matches() ? "DROP FOREIGN KEY (" + m.group(1) + ")" : clause;
    }

    private static String stripTrailingSemicolons(String s) {
        String t = s;
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** Splits at commas outside quotes and parentheses; empty clauses are an error. */
    static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closingQuote(body, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(clause(body, start, i));
                start = i + 1;
            }
        }
        if (!body.isBlank()) {
            out.add(clause(body, start, body.length()));
        }
        return out;
    }

    private static String clause(String body, int from, int to) {
        String c = body.substring(from, to).strip();
        if (c.isEmpty()) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "empty clause between commas in '" + body + "'");
        }
        return c;
    }

    /** Comments are removed outside quotes; executable comments change meaning, so they are refused. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(s, i);
                out.append(s, i, end + 1);
                i = end;
            } else if (s.startsWith("/*", i)) {
                if (s.startsWith("/*!", i) || s.startsWith("/*M!", i)) {
                    throw new OscarException(ErrorCode.INVALID_ALTER,
                            "executable comments (/*! ... */) are not supported in an ALTER: write the clause without the comment");
                }
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 1;
                out.append(' ');
            } else if (s.startsWith("-- ", i) || c == '#') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && q != '`') {
                i++;
            } else if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        throw new OscarException(ErrorCode.INVALID_ALTER, "unclosed quote " + q + " in '" + s.strip() + "'");
    }
}
