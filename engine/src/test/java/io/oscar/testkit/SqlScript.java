package io.oscar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a project SQL file (examples, scenarios): {@code --} comment lines dropped,
 * statements split at semicolons. Our files keep semicolons out of string literals.
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static List<String> statements(Path file) {
        try {
            return split(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String text) {
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String stmt : body.toString().split(";")) {
            if (!stmt.isBlank()) {
                out.add(stmt.strip());
            }
        }
        return out;
    }

    public static void run(SqlClient sql, Path file) {
        for (String stmt : statements(file)) {
            sql.execute(stmt);
        }
    }
}
