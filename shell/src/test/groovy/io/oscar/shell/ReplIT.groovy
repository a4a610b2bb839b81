package io.oscar.shell

import io.oscar.engine.db.ConnectionSpec
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlScript
import spock.lang.Stepwise

/**
 * The interactive prompt against the real primary and replica, driven through a JLine test terminal:
 * keystrokes in (Tab, Enter), screen text out. One operator session, step by step.
 */
@Stepwise
class ReplIT extends DatabaseSpec {
    TerminalDriver term

    @Override
    boolean needsReplica() {
        true
    }

    def setupSpec() {
        def sql = primarySql()
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
        sql.execute('SET @rows = 20000')
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/generate.sql'))
    }

    def setup() {
        def p = db.primary()
        def r = db.replica()
        term = new TerminalDriver(new ConnectionDefaults(
                new ConnectionSpec(p.host(), p.port(), p.user(), p.password(), null),
                new ConnectionSpec(r.host(), r.port(), p.user(), p.password(), null)))
        term.await('oscar> ')
        term.type('connect\r')
        term.await("connected to replica ${r.describe()}")
    }

    def cleanup() {
        term?.close()
    }

    List<String> columns(String table) {
        primarySql().rows('SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
                schema, table).collect { it.values().first() as String }
    }

    def "Tab completes a table name of the server, and inspect shows it"() {
        when:
        term.type("inspect ${schema}.bas\t\r")
        def screen = term.await('referenced by')

        then:
        screen.contains("table ${schema}.baseitem")
        term.historyFile.toFile().text.contains("inspect ${schema}.baseitem")
    }

    def "run --postpone-cutover, status, throttle, no-throttle, cutover: the migration reaches DONE"() {
        when:
        term.type("run --postpone-cutover --drop-old-table --chunk-size=100 --nice-ratio=1 ${schema}.referringitem ADD COLUMN note varchar(32)\r")
        term.await('started:')
        term.type('status\r')
        term.await('oscar> status')
        def status = term.awaitLine("^${schema}\\.referringitem (PENDING|PREFLIGHT|SETUP|STREAM|COPY|READY) [0-9.]+% ")

        then:
        status.contains(' rows/s) applied ')

        when:
        term.type('throttle\r')
        term.await('throttled')
        term.type('no-throttle\r')
        term.await('throttle released')
        term.await('ready for cut-over', 1, 120_000)
        term.type("cutover ${schema}.referringitem\r")
        def done = term.await("${schema}.referringitem DONE", 1, 120_000)

        then:
        done.contains('cut-over done')
        done =~ /DONE .*cut-over lock [0-9.]+ ms/
        columns('referringitem').contains('note')
    }

    def "exit while a migration runs asks first; No keeps it; abort TABLE stops it and leaves the table as it was"() {
        given:
        def before = columns('referringitem')

        when:
        term.type("run --postpone-cutover --chunk-size=100 --nice-ratio=1 ${schema}.referringitem ADD COLUMN note2 int\r")
        term.await('started:')
        term.type('exit\r')
        term.await('Leave? [y/N]')
        term.type('\r')
        term.await('staying: the migration keeps running')
        term.type("abort ${schema}.referringitem\r")
        def screen = term.await("${schema}.referringitem ABORTED", 1, 60_000)

        then:
        screen.contains("abort requested for ${schema}.referringitem")
        term.thread.alive
        columns('referringitem') == before
        primarySql().value('SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?', schema, '%gh%') == 0
    }

    def "exit while a migration runs, answered y: the migration is aborted cleanly and the shell ends"() {
        when:
        term.type("run --postpone-cutover --chunk-size=100 --nice-ratio=1 ${schema}.referringitem ADD COLUMN note3 int\r")
        term.await('started:')
        term.type('exit\r')
        term.await('Leave? [y/N]')
        term.type('y\r')
        term.thread.join(60_000)

        then:
        !term.thread.alive
        term.exitCode == 0
        term.screen().contains('aborting the running migrations')
        !columns('referringitem').contains('note3')
        primarySql().value('SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?', schema, '%gh%') == 0
    }
}
