package io.oscar.engine.sql;

import io.oscar.engine.schema.TableName;

/**
 * Statements on the changelog table {@code _t_ghc}: one row per hint ({@code heartbeat}, {@code state}),
 * its value written from oscar's clock so lag is measured without comparing two servers' clocks.
 */
public final class ChangelogSql {
    public static final String HEARTBEAT = "heartbeat";
    public static final String STATE = "state";

    private ChangelogSql() {
    }

    public static SqlStatement create(TableName changelog) {
        return SqlStatement.of(changelog.table() + " create", "CREATE TABLE " + changelog.quoted() + " ("
                + "id bigint unsigned NOT NULL AUTO_INCREMENT, "
                + "last_update timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), "
                + "hint varchar(64) CHARACTER SET ascii NOT NULL, "
                + "value varchar(4096) CHARACTER SET utf8mb4 NOT NULL, "
                + "PRIMARY KEY (id), UNIQUE KEY hint_uidx (hint)) ENGINE=InnoDB");
    }

    public static SqlStatement drop(TableName changelog) {
        return SqlStatement.of(changelog.table() + " drop", "DROP TABLE IF EXISTS " + changelog.quoted());
    }

    /** Upserts the row for {@code hint}. */
    public static SqlStatement write(TableName changelog, String hint, String value) {
        return SqlStatement.of(changelog.table() + " " + hint, "INSERT INTO " + changelog.quoted() + " (hint, value) VALUES (?, ?) "
                + "ON DUPLICATE KEY UPDATE value = VALUES(value)", hint, value);
    }

    public static SqlStatement read(TableName changelog, String hint) {
        return SqlStatement.of(changelog.table() + " read " + hint,
                "SELECT value FROM " + changelog.quoted() + " WHERE hint = ?", hint);
    }
}
