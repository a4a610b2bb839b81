package io.oscar.engine.cutover

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.binlog.BinlogStreamer
import io.oscar.engine.binlog.RowChange
import io.oscar.engine.binlog.TestSchemas
import io.oscar.engine.db.StatementRunner
import io.oscar.engine.migrate.Changelog
import io.oscar.engine.migrate.Pacer
import io.oscar.engine.schema.TableName
import io.oscar.engine.sql.ArtifactNames
import io.oscar.testkit.SqlClient
import io.oscar.testkit.TestDatabase

import java.sql.SQLException
import java.time.Duration

/**
 * One table migrated up to the cut-over, the way the migration will do it: {@code t} with rows, the
 * changelog {@code _t_ghc}, the ghost {@code _t_gho} (LIKE t plus a column), a BinlogStreamer from a
 * position taken before the copy, a small applier (REPLACE/DELETE by PK into the ghost, UTC session)
 * and a {@link Drain} that writes a state sentinel and waits until the applier has seen it.
 */
class GhostFixture implements AutoCloseable {
    static final List<String> COLUMNS = ['id', 'v', 'note']

    final TestDatabase db
    final String schema
    final ArtifactNames names
    final SqlClient admin
    final SqlClient applierSql
    final StatementRunner changelogRunner
    final Changelog changelog
    BinlogStreamer streamer
    /** While true the applier ignores sentinels: the drain cannot complete (a lagging applier). */
    volatile boolean lagging
    /** Set once the ghost is gone (swapped): later events for t are the new table's, not ours to apply. */
    volatile boolean ghostGone
    /** How long the last drain took, in ms. */
    volatile double lastDrainMs
    private final Object stateLock = new Object()
    private String lastState

    GhostFixture(TestDatabase db, String schema, String table, int rows) {
        this.db = db
        this.schema = schema
        this.names = ArtifactNames.of(new TableName(schema, table))
        admin = client()
        applierSql = client()
        applierSql.execute("SET time_zone = '+00:00'")
        names.all().each { admin.execute("DROP TABLE IF EXISTS ${it.quoted()}".toString()) }
        admin.execute("DROP TABLE IF EXISTS ${names.original().quoted()}".toString())
        admin.execute("""CREATE TABLE ${names.original().quoted()} (id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
            v int NOT NULL, note varchar(64) NOT NULL) ENGINE=InnoDB""".toString())
        if (rows > 0) {
            admin.execute("INSERT INTO ${names.original().quoted()} (id, v, note) SELECT seq, seq * 7 % 1000, CONCAT('r', seq) FROM seq_1_to_${rows}".toString())
        }
        changelogRunner = new StatementRunner(db.openPrimary(), db.primary().describe())
        changelog = new Changelog(changelogRunner, names.changelog(), Pacer.system())
        changelog.create()
        admin.execute("CREATE TABLE ${names.ghost().quoted()} LIKE ${names.original().quoted()}".toString())
        admin.execute("ALTER TABLE ${names.ghost().quoted()} ADD COLUMN extra int NOT NULL DEFAULT 7".toString())
    }

    private SqlClient client() {
        new SqlClient(db.openPrimary(), 'primary').tap { execute("USE `${schema}`".toString()) }
    }

    /** Takes the position, starts the streamer there: call before {@link #copy()}. */
    GhostFixture startStreaming() {
        def position = BinlogStreamer.currentPosition(admin.connection())
        def t = TestSchemas.read(admin, schema, names.original().table())
        def ghc = TestSchemas.read(admin, schema, names.changelog().table())
        streamer = new BinlogStreamer(db.primary()).setHeartbeatInterval(Duration.ofSeconds(1))
        streamer.subscribe(t, this::apply)
        streamer.subscribe(ghc, this::sawChangelog)
        streamer.start(position)
        this
    }

    /** The row copy: one INSERT IGNORE ... SELECT (the applier's newer rows win), retried on deadlock. */
    void copy() {
        for (int i = 0; ; i++) {
            try {
                admin.execute("""INSERT IGNORE INTO ${names.ghost().quoted()} (id, v, note)
                    SELECT id, v, note FROM ${names.original().quoted()} LOCK IN SHARE MODE""".toString())
                return
            } catch (IllegalStateException e) {
                if (i > 5 || !(e.cause instanceof SQLException && e.cause.errorCode in [1213, 1205])) {
                    throw e
                }
            }
        }
    }

    /** Applies one change, retrying deadlocks with the copy (as the real applier will). */
    private void apply(RowChange change) {
        for (int i = 0; ; i++) {
            try {
                applyOnce(change)
                return
            } catch (IllegalStateException e) {
                if (i > 10 || !(e.cause instanceof SQLException && e.cause.errorCode in [1213, 1205])) {
                    throw e
                }
            }
        }
    }

    private void applyOnce(RowChange change) {
        if (ghostGone) {
            return
        }
        try {
            if (change.kind() == RowChange.Kind.DELETE) {
                applierSql.execute("DELETE FROM ${names.ghost().quoted()} WHERE id = ?".toString(), change.before()[0])
            } else {
                if (change.kind() == RowChange.Kind.UPDATE && change.before()[0] != change.after()[0]) {
                    applierSql.execute("DELETE FROM ${names.ghost().quoted()} WHERE id = ?".toString(), change.before()[0])
                }
                applierSql.execute("REPLACE INTO ${names.ghost().quoted()} (id, v, note) VALUES (?, ?, ?)".toString(), change.after())
            }
        } catch (IllegalStateException e) {
            if (e.cause instanceof SQLException && e.cause.errorCode == 1146) {
                ghostGone = true  // renamed away: nothing may be applied after the RENAME
                return
            }
            throw e
        }
    }

    private void sawChangelog(RowChange change) {
        def row = change.current()
        if (change.kind() != RowChange.Kind.DELETE && row[2] == 'state' && !lagging) {
            synchronized (stateLock) {
                lastState = row[3] as String
                stateLock.notifyAll()
            }
        }
    }

    /** The migration's drain: a sentinel in _t_ghc, then wait until the applier has seen it. */
    Drain drain() {
        return { Duration timeout ->
            long started = System.nanoTime()
            String token = "cutover ${UUID.randomUUID()}".toString()
            changelog.writeState(token)
            long deadline = System.currentTimeMillis() + timeout.toMillis()
            synchronized (stateLock) {
                while (lastState != token) {
                    streamer.throwIfFailed()
                    long left = deadline - System.currentTimeMillis()
                    if (left <= 0) {
                        throw new OscarException(ErrorCode.BINLOG_FAILED, "the applier has not seen sentinel '${token}' after ${timeout.toMillis()} ms")
                    }
                    stateLock.wait(left)
                }
            }
            lastDrainMs = (System.nanoTime() - started) / 1e6
        } as Drain
    }

    CutOver cutOver(CutOverOptions options, CutOverListener listener = CutOverListener.NONE) {
        new CutOver(db.primary().withDatabase(schema), new io.oscar.engine.db.Connector(), db.flavor(), names, drain(),
                options, Pacer.system(), listener)
    }

    /** {id: [v, note]} of a table. */
    Map<Integer, List> content(TableName table) {
        admin.rows("SELECT id, v, note FROM ${table.quoted()} ORDER BY id".toString())
                .collectEntries { [(it.id as Integer): [it.v as Integer, it.note as String]] }
    }

    boolean exists(TableName table) {
        admin.value('SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?',
                table.schema(), table.table()) as long == 1
    }

    List<String> columns(TableName table) {
        admin.rows('SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
                table.schema(), table.table()).collect { it.COLUMN_NAME as String }
    }

    /** Metadata locks other sessions hold or wait for on this fixture's tables. */
    List<Map<String, Object>> lingeringLocks() {
        def tables = [names.original(), names.ghost(), names.old()]*.table()
        admin.rows("""SELECT OBJECT_NAME, LOCK_TYPE, LOCK_STATUS, OWNER_THREAD_ID FROM performance_schema.metadata_locks
            WHERE OBJECT_SCHEMA = ? AND OBJECT_NAME IN (?, ?, ?)""".toString(), schema, *tables)
    }

    void dropAll() {
        ([names.original()] + names.all()).each { admin.execute("DROP TABLE IF EXISTS ${it.quoted()}".toString()) }
    }

    @Override
    void close() {
        streamer?.close()
        changelog.close()
        admin.close()
        applierSql.close()
        changelogRunner.connection().close()
    }
}
