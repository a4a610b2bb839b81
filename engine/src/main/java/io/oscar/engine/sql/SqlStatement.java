package io.oscar.engine.sql;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One SQL statement: the text (starting with a tag comment such as {@code /* oscar baseitem copy *&#47;},
 * visible in the processlist), its bound arguments, and the tag alone for error messages.
 */
public record SqlStatement(String sql, List<Object> args, String tag) {

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        Objects.requireNonNull(tag, "tag");
    }

    /** Builds {@code /* oscar TAG *&#47; SQL} with these arguments. */
    public static SqlStatement of(String tag, String sql, Object... args) {
        return new SqlStatement("/* oscar " + tag.replace("*/", "* /") + " */ " + sql, Arrays.asList(args), tag);
    }

    @Override
    public String toString() {
        return sql + (args.isEmpty() ? "" : " " + args);
    }
}
