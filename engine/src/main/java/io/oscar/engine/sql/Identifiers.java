package io.oscar.engine.sql;

import java.util.List;
import java.util.stream.Collectors;

/** Back-quoting of identifiers: always, for every column and index name oscar writes. */
public final class Identifiers {
    private Identifiers() {
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** {@code `a`, `b`, `c`}. */
    public static String list(List<String> identifiers) {
        return identifiers.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
