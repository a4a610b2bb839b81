package io.oscar.engine.sql;

import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Statements of the cut-over: the sentry table, the locker's {@code LOCK TABLES}, the renamer's
 * {@code RENAME TABLE}, session timeouts, {@code KILL QUERY}, and the probes that tell whether the
 * renamer is queued on a metadata lock ({@code performance_schema.metadata_locks}, or
 * {@code information_schema.PROCESSLIST} when the MDL instrument is off).
 * <p>
 * {@code KILL} and {@code SET SESSION} take their numbers as literals: they are longs produced by oscar,
 * never text from outside, and some servers refuse placeholders there.
 */
public final class CutOverSql {
    /** The sentry's table comment: clean-up drops a {@code _t_del} only when it carries this comment. */
    public static final String SENTRY_COMMENT = "oscar cut-over sentry";
    /** The processlist state of a session queued on a metadata lock (MySQL and MariaDB alike). */
    public static final String MDL_WAIT_STATE = "Waiting for table metadata lock";
    public static final String MDL_INSTRUMENT = "wait/lock/metadata/sql/mdl";

    private static final Set<String> REFERENTIAL_ACTIONS = Set.of("RESTRICT", "CASCADE", "SET NULL", "NO ACTION", "SET DEFAULT");

    private CutOverSql() {
    }

    /** gh-ost's sentry: a tiny table under the old-table name, so a RENAME that runs too early fails. */
    public static SqlStatement createSentry(TableName sentry) {
        return SqlStatement.of(sentry.table() + " sentry create", "CREATE TABLE " + sentry.quoted()
                + " (id int NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB COMMENT='" + SENTRY_COMMENT + "'");
    }

    /** Run by the locker, which holds the sentry WRITE-locked: lets the queued RENAME through. */
    public static SqlStatement dropSentry(TableName sentry) {
        return SqlStatement.of(sentry.table() + " sentry drop", "DROP TABLE " + sentry.quoted());
    }

    /** Clean-up after a failed attempt, once the caller has checked the comment. */
    public static SqlStatement dropSentryIfExists(TableName sentry) {
        return SqlStatement.of(sentry.table() + " sentry drop", "DROP TABLE IF EXISTS " + sentry.quoted());
    }

    /** One row (the table's comment) when the table exists, none otherwise. */
    public static SqlStatement tableComment(TableName table) {
        return SqlStatement.of(table.table() + " exists", "SELECT TABLE_COMMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", table.schema(), table.table());
    }

    /** {@code SET SESSION lock_wait_timeout = N}: whole seconds, at least 1. */
    public static SqlStatement lockWaitTimeout(Duration timeout) {
        return SqlStatement.of("cutover lock_wait_timeout", "SET SESSION lock_wait_timeout = " + seconds(timeout));
    }

    /** {@code SET SESSION innodb_lock_wait_timeout = N}: an InnoDB wait the design missed costs seconds, not 50 s. */
    public static SqlStatement innodbLockWaitTimeout(Duration timeout) {
        return SqlStatement.of("cutover innodb_lock_wait_timeout", "SET SESSION innodb_lock_wait_timeout = " + seconds(timeout));
    }

    /** {@code LOCK TABLES a WRITE, b WRITE}. */
    public static SqlStatement lockWrite(String tag, List<TableName> tables) {
        return SqlStatement.of(tag + " cutover lock", "LOCK TABLES "
                + tables.stream().map(t -> t.quoted() + " WRITE").collect(Collectors.joining(", ")));
    }

    public static SqlStatement unlock(String tag) {
        return SqlStatement.of(tag + " cutover unlock", "UNLOCK TABLES");
    }

    /** The atomic swap: {@code RENAME TABLE t TO _t_del, _t_gho TO t}. */
    public static SqlStatement swap(TableName original, TableName old, TableName ghost) {
        return SqlStatement.of(original.table() + " cutover rename", "RENAME TABLE " + original.quoted() + " TO " + old.quoted()
                + ", " + ghost.quoted() + " TO " + original.quoted());
    }

    public static SqlStatement connectionId() {
        return SqlStatement.of("cutover connection id", "SELECT CONNECTION_ID()");
    }

    public static SqlStatement killQuery(long connectionId) {
        return SqlStatement.of("cutover kill rename", "KILL QUERY " + connectionId);
    }

    public static SqlStatement killConnection(long connectionId) {
        return SqlStatement.of("cutover kill rename connection", "KILL CONNECTION " + connectionId);
    }

    /** One row {@code (@@performance_schema, ENABLED)} when the server knows the MDL instrument. */
    public static SqlStatement mdlInstrument() {
        return SqlStatement.of("cutover mdl instrument", "SELECT @@GLOBAL.performance_schema, ENABLED"
                + " FROM performance_schema.setup_instruments WHERE NAME = ?", MDL_INSTRUMENT);
    }

    /** Turns the MDL instrument on at run time (performance_schema must be on; needs UPDATE on it). */
    public static SqlStatement enableMdlInstrument() {
        return SqlStatement.of("cutover mdl instrument", "UPDATE performance_schema.setup_instruments"
                + " SET ENABLED = 'YES', TIMED = 'YES' WHERE NAME = ?", MDL_INSTRUMENT);
    }

    /** The performance_schema THREAD_ID of a connection (its {@code CONNECTION_ID()}). */
    public static SqlStatement threadId(long connectionId) {
        return SqlStatement.of("cutover thread id", "SELECT THREAD_ID FROM performance_schema.threads"
                + " WHERE PROCESSLIST_ID = ?", connectionId);
    }

    /** The table metadata locks a thread waits for: {@code (OBJECT_SCHEMA, OBJECT_NAME, LOCK_TYPE)}. */
    public static SqlStatement pendingTableLocks(long threadId) {
        return SqlStatement.of("cutover pending locks", "SELECT OBJECT_SCHEMA, OBJECT_NAME, LOCK_TYPE"
                + " FROM performance_schema.metadata_locks WHERE OWNER_THREAD_ID = ?"
                + " AND OBJECT_TYPE = 'TABLE' AND LOCK_STATUS = 'PENDING'", threadId);
    }

    /** {@code (STATE, INFO)} of one connection, for servers without the MDL instrument. */
    public static SqlStatement processlistEntry(long connectionId) {
        return SqlStatement.of("cutover processlist", "SELECT STATE, INFO FROM information_schema.PROCESSLIST WHERE ID = ?",
                connectionId);
    }

    /** {@code SET SESSION foreign_key_checks = 0|1}: re-pointing a key at 0 checks no rows, so it is metadata-only. */
    public static SqlStatement foreignKeyChecks(boolean on) {
        return SqlStatement.of("cutover foreign_key_checks", "SET SESSION foreign_key_checks = " + (on ? 1 : 0));
    }

    /**
     * The parent relay: {@code FLUSH TABLES t WITH READ LOCK}. It takes only a shared-no-write lock on {@code t},
     * without prelocking the children (a {@code LOCK TABLES t WRITE} would make a queued RENAME give way).
     */
    public static SqlStatement flushWithReadLock(TableName table) {
        return SqlStatement.of(table.table() + " cutover relay", "FLUSH TABLES " + table.quoted() + " WITH READ LOCK");
    }

    /** First half of a re-point: a key cannot be dropped and re-added under the same name in one statement (1826). */
    public static SqlStatement dropForeignKey(ForeignKey fk) {
        return SqlStatement.of(fk.child().table() + " cutover fk drop", "ALTER TABLE " + fk.child().quoted()
                + " DROP FOREIGN KEY " + TableName.quote(fk.name()) + ", ALGORITHM=INSTANT");
    }

    /** Second half: the same key (name, columns, rules) re-added referencing {@code parent}; instant at foreign_key_checks=0. */
    public static SqlStatement addForeignKey(ForeignKey fk, TableName parent) {
        return SqlStatement.of(fk.child().table() + " cutover fk add", "ALTER TABLE " + fk.child().quoted()
                + " ADD CONSTRAINT " + TableName.quote(fk.name()) + " FOREIGN KEY (" + quotedList(fk.childColumns())
                + ") REFERENCES " + parent.quoted() + " (" + quotedList(fk.parentColumns()) + ")"
                + clause("DELETE", fk.onDelete()) + clause("UPDATE", fk.onUpdate()) + ", ALGORITHM=INSTANT");
    }

    /** RESTRICT (the default) is left unsaid: spelled out at foreign_key_checks=0, MariaDB stores it as NO ACTION. */
    private static String clause(String event, String rule) {
        String a = action(rule);
        return a.equals("RESTRICT") ? "" : " ON " + event + " " + a;
    }

    private static String quotedList(List<String> columns) {
        return columns.stream().map(TableName::quote).collect(Collectors.joining(", "));
    }

    /** A referential action as the server names it; anything else is refused rather than spliced into SQL. */
    private static String action(String a) {
        String upper = a == null ? "RESTRICT" : a.trim().toUpperCase(Locale.ROOT);
        if (!REFERENTIAL_ACTIONS.contains(upper)) {
            throw new IllegalArgumentException("unknown referential action: " + a);
        }
        return upper;
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
