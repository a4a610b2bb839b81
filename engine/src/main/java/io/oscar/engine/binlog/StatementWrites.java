package io.oscar.engine.binlog;

import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which watched table a statement in the binlog (a QUERY event) writes, if any. A session still in
 * {@code binlog_format=STATEMENT} or {@code MIXED} (a global {@code SET GLOBAL binlog_format=ROW} reaches only
 * new connections) logs its {@code INSERT}, {@code UPDATE} or {@code DELETE} as text, not rows: the applier
 * cannot replay that, and a change it skipped would be lost in the ghost. The streamer stops on it.
 *
 * <p>Reads only the statement's head, up to its first {@code SELECT}, {@code SET}, {@code VALUES},
 * {@code WHERE} or opening parenthesis: the tables written stand there ({@code INSERT INTO t}, {@code UPDATE t
 * JOIN u}, {@code DELETE t FROM t JOIN u}); a table only read ({@code INSERT INTO ghost SELECT ... FROM t}) does
 * not. {@code TRUNCATE} and {@code LOAD DATA} count by any table they name. Errs on the side of stopping: a
 * table only read in a multi-table {@code DELETE}'s head counts as written.
 */
final class StatementWrites {
    private static final Set<String> DML = Set.of("INSERT", "REPLACE", "UPDATE", "DELETE");
    private static final Set<String> WHOLE = Set.of("TRUNCATE", "LOAD");
    private static final Set<String> HEAD_ENDS = Set.of("SELECT", "SET", "VALUES", "VALUE", "WHERE");

    private StatementWrites() {
    }

    /** A watched table a statement writes, and the statement's verb (upper case: INSERT, TRUNCATE, ...). */
    record Hit(TableName table, String verb) {
    }

    /** The first of {@code watched} the statement writes, names resolved against {@code defaultSchema}. */
    static Optional<Hit> writes(String defaultSchema, String sql, Set<TableName> watched) {
        if (defaultSchema != null && defaultSchema.isEmpty()) {
            defaultSchema = null;
        }
        List<Token> tokens = tokens(sql);
        if (tokens.isEmpty() || !tokens.get(0).bare()) {
            return Optional.empty();
        }
        String verb = tokens.get(0).text().toUpperCase(Locale.ROOT);
        boolean whole = WHOLE.contains(verb);
        if (!whole && !DML.contains(verb)) {
            return Optional.empty();
        }
        List<String> qualifier = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!whole && (t.text().equals("(") || t.bare() && HEAD_ENDS.contains(t.text().toUpperCase(Locale.ROOT)))) {
                break;
            }
            if (!t.name()) {
                qualifier.clear();
                continue;
            }
            boolean qualified = i + 1 < tokens.size() && tokens.get(i + 1).text().equals(".");
            if (qualified) {
                qualifier.add(t.text());
                i++; // the dot
                continue;
            }
            String schema = qualifier.isEmpty() ? defaultSchema : qualifier.get(qualifier.size() - 1);
            qualifier.clear();
            if (schema == null) {
                continue;
            }
            TableName name = new TableName(schema, t.text());
            if (watched.contains(name)) {
                return Optional.of(new Hit(name, verb));
            }
        }
        return Optional.empty();
    }

    /** A word, a quoted identifier, or one punctuation character; comments and string literals dropped. */
    private record Token(String text, boolean bare, boolean name) {
    }

    private static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '#' || c == '-' && sql.startsWith("-- ", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
                out.add(new Token("'", false, false));
            } else if (c == '`') {
                StringBuilder id = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == '`') {
                        if (j + 1 < n && sql.charAt(j + 1) == '`') {
                            id.append('`');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    id.append(d);
                    j++;
                }
                out.add(new Token(id.toString(), false, true));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(sql.substring(i, j), true, true));
                i = j;
            } else {
                out.add(new Token(String.valueOf(c), false, false));
                i++;
            }
        }
        return out;
    }

    private static int skipQuoted(String sql, int from, char quote) {
        int j = from + 1;
        while (j < sql.length()) {
            char d = sql.charAt(j);
            if (d == '\\') {
                j += 2;
                continue;
            }
            if (d == quote) {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return j;
    }
}
