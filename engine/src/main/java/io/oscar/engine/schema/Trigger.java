package io.oscar.engine.schema;

/** A trigger on a table: oscar refuses to migrate such a table unless told how (a later decision). */
public record Trigger(String name, String timing, String event) {
}
