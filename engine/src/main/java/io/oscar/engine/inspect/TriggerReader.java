package io.oscar.engine.inspect;

import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.Trigger;

import java.util.List;

/** Reads the triggers on a table (information_schema.TRIGGERS; the user needs the TRIGGER privilege to see them). */
final class TriggerReader {
    private final SqlReader sql;

    TriggerReader(SqlReader sql) {
        this.sql = sql;
    }

    List<Trigger> read(TableName name) {
        return sql.list("the triggers of " + name, """
                SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION FROM information_schema.TRIGGERS
                WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?
                ORDER BY ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, TRIGGER_NAME""",
                rs -> new Trigger(rs.getString(1), rs.getString(2), rs.getString(3)), name.schema(), name.table());
    }
}
