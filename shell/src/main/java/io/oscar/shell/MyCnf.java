package io.oscar.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code [client]} section of a MySQL option file ({@code ~/.my.cnf} or {@code --defaults-file}),
 * read the way the mysql client does: {@code key=value}, optional quotes, {@code _} and {@code -}
 * alike, later lines win, {@code [client]} and {@code [oscar]} both apply.
 */
final class MyCnf {
    private final Map<String, String> values;

    private MyCnf(Map<String, String> values) {
        this.values = values;
    }

    static MyCnf empty() {
        return new MyCnf(Map.of());
    }

    static MyCnf read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static MyCnf parse(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        boolean inClient = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                String section = line.substring(1, line.indexOf(']') < 0 ? line.length() : line.indexOf(']')).strip();
                inClient = section.equalsIgnoreCase("client") || section.equalsIgnoreCase("oscar");
                continue;
            }
            if (!inClient) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip().replace('_', '-').toLowerCase();
            String value = eq < 0 ? "" : unquote(line.substring(eq + 1).strip());
            values.put(key, value);
        }
        return new MyCnf(values);
    }

    String get(String key) {
        return values.get(key);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
