package io.oscar.shell;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words: whitespace separates, single or double quotes group. */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(ch);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote " + quote);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    /** Splits {@code -e "cmd; cmd"} into commands at semicolons outside quotes. */
    static List<String> commands(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char ch : script.toCharArray()) {
            if (quote == 0 && ch == ';') {
                addIfNotBlank(out, cur);
                continue;
            }
            if (quote == 0 && (ch == '\'' || ch == '"')) {
                quote = ch;
            } else if (ch == quote) {
                quote = 0;
            }
            cur.append(ch);
        }
        addIfNotBlank(out, cur);
        return out;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder cur) {
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        cur.setLength(0);
    }
}
