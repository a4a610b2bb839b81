package io.oscar.engine.sql;

import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/** Statements of plan steps: foreign keys dropped, checked and re-added; the plan's resume state. */
public final class PlanSql {
    public static final String STATE_TABLE = "_oscar_plan_state";

    private PlanSql() {
    }

    public static SqlStatement foreignKeyExists(ForeignKey fk) {
        return SqlStatement.of(fk.child().table() + " fk exists", "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = ?", fk.child().schema(), fk.child().table(), fk.name());
    }

    public static SqlStatement dropForeignKey(ForeignKey fk) {
        return SqlStatement.of(fk.child().table() + " drop fk", "ALTER TABLE " + fk.child().quoted() + " DROP FOREIGN KEY "
                + Identifiers.quote(fk.name()));
    }

    /** Re-adds the key exactly as it was (name, columns, parent, actions). Run at foreign_key_checks=0: in place. */
    public static SqlStatement addForeignKey(ForeignKey fk) {
        return SqlStatement.of(fk.child().table() + " restore fk", "ALTER TABLE " + fk.child().quoted() + " ADD CONSTRAINT "
                + Identifiers.quote(fk.name()) + " FOREIGN KEY (" + Identifiers.list(fk.childColumns()) + ") REFERENCES "
                + fk.parent().quoted() + " (" + Identifiers.list(fk.parentColumns()) + ")" + actions(fk));
    }

    /**
     * The referential actions as SHOW CREATE TABLE would print them: nothing for RESTRICT (the default).
     * Spelling RESTRICT out is not harmless: MariaDB 10.11 stores an explicit RESTRICT added at
     * foreign_key_checks=0 as NO ACTION, so the restored key would differ from the original.
     */
    public static String actions(ForeignKey fk) {
        return action("DELETE", fk.onDelete()) + action("UPDATE", fk.onUpdate());
    }

    private static String action(String event, String rule) {
        return rule == null || rule.equalsIgnoreCase("RESTRICT") ? "" : " ON " + event + " " + rule;
    }

    /** Up to {@code limit} child keys whose parent is missing (NULL references are not orphans). */
    public static SqlStatement orphans(ForeignKey fk, int limit) {
        List<String> join = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < fk.childColumns().size(); i++) {
            join.add("p." + Identifiers.quote(fk.parentColumns().get(i)) + " = c." + Identifiers.quote(fk.childColumns().get(i)));
            notNull.add("c." + Identifiers.quote(fk.childColumns().get(i)) + " IS NOT NULL");
        }
        return SqlStatement.of(fk.child().table() + " orphans", "SELECT DISTINCT " + prefixed(fk.childColumns()) + " FROM "
                + fk.child().quoted() + " c LEFT JOIN " + fk.parent().quoted() + " p ON " + String.join(" AND ", join)
                + " WHERE p." + Identifiers.quote(fk.parentColumns().get(0)) + " IS NULL AND " + String.join(" AND ", notNull)
                + " LIMIT " + limit);
    }

    private static String prefixed(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> "c." + Identifiers.quote(c)).toList());
    }

    public static SqlStatement createState(String schema) {
        return SqlStatement.of("plan state", "CREATE TABLE IF NOT EXISTS " + new TableName(schema, STATE_TABLE).quoted()
                + " (plan_name varchar(190) NOT NULL, plan_hash char(64) NOT NULL, step int NOT NULL,"
                + " description varchar(2000) NOT NULL, finished_at datetime(6) NOT NULL,"
                + " PRIMARY KEY (plan_name, plan_hash, step)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    public static SqlStatement finishedSteps(String schema, String plan, String hash) {
        return SqlStatement.of("plan state", "SELECT step FROM " + new TableName(schema, STATE_TABLE).quoted()
                + " WHERE plan_name = ? AND plan_hash = ?", plan, hash);
    }

    public static SqlStatement markFinished(String schema, String plan, String hash, int step, String description) {
        return SqlStatement.of("plan state", "INSERT INTO " + new TableName(schema, STATE_TABLE).quoted()
                + " (plan_name, plan_hash, step, description, finished_at) VALUES (?, ?, ?, ?, NOW(6))"
                + " ON DUPLICATE KEY UPDATE finished_at = VALUES(finished_at)", plan, hash, step,
                description.length() > 2000 ? description.substring(0, 2000) : description);
    }
}
