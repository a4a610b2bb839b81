package io.oscar.engine.copy

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.db.StatementRunner
import io.oscar.engine.migrate.Pacer
import io.oscar.engine.schema.TableName
import io.oscar.testkit.DatabaseSpec

class RowCopierIT extends DatabaseSpec {
    static final List<String> COLS = ['tenant', 'at', 'name', 'amount', 'payload']

    def setup() {
        def sql = primarySql()
        ['src', 'ghost'].each { sql.execute("DROP TABLE IF EXISTS ${it}".toString()) }
        sql.execute('''CREATE TABLE src (
            tenant int unsigned NOT NULL, at datetime(6) NOT NULL, name varchar(40) CHARACTER SET latin1 NOT NULL,
            amount decimal(12,3) NULL, payload blob NULL, PRIMARY KEY (tenant, at)) DEFAULT CHARSET=utf8mb4''')
        // 7 tenants x 150 rows whose keys differ only in their microseconds: a lost fraction would merge or skip rows
        sql.execute('''INSERT INTO src SELECT t.seq, TIMESTAMP('2026-01-01 00:00:00') + INTERVAL r.seq MICROSECOND,
            CONCAT('n', t.seq, '-', r.seq, ' é'), r.seq * 1.5, IF(r.seq % 10 = 0, NULL, UNHEX(MD5(r.seq)))
            FROM seq_1_to_7 t, seq_1_to_150 r''')
        sql.execute('CREATE TABLE ghost LIKE src')
        sql.execute('ALTER TABLE ghost ADD COLUMN extra int NOT NULL DEFAULT 0')
    }

    CopyTarget target() {
        new CopyTarget(new TableName(schema, 'src'), new TableName(schema, 'ghost'), 'PRIMARY', ['tenant', 'at'], COLS, COLS)
    }

    String checksum(String table) {
        primarySql().value("SELECT CONCAT(COUNT(*), ':', BIT_XOR(CRC32(CONCAT_WS('#', tenant, CAST(at AS char), name, amount, HEX(payload))))) FROM ${table}".toString())
    }

    def "copies every row in chunks over a composite key with microsecond datetimes, chunk size changed mid-way"() {
        given:
        def runner = new StatementRunner(db.openPrimary(), db.primary().describe())
        int size = 37
        def chunker = new Chunker(runner, target(), { size })
        def copier = new RowCopier(runner, target(), 'PRIMARY', Pacer.system())
        def chunks = []

        when:
        assert chunker.start()
        Optional<Chunk> c
        while ((c = chunker.next()).present) {
            chunks << c.get()
            copier.copy(c.get())
            if (chunks.size() == 5) {
                size = 400
            }
        }

        then:
        checksum('ghost') == checksum('src')
        checksum('src').startsWith('1050:')
        chunks.size() == 5 + Math.ceil((1050 - 5 * 37) / 400d) as int
        chunks.first().from() == null
        chunks.last().to() == chunker.maxKey()
        chunker.done()

        cleanup:
        runner?.connection()?.close()
    }

    def "rows the applier wrote first are kept, not overwritten by the copy"() {
        given:
        def runner = new StatementRunner(db.openPrimary(), db.primary().describe())
        primarySql().execute("INSERT INTO ghost (tenant, at, name, amount, payload) VALUES (1, '2026-01-01 00:00:00.000001', 'newer', 0, NULL)")
        def chunker = new Chunker(runner, target(), { 1000 })
        def copier = new RowCopier(runner, target(), 'PRIMARY', Pacer.system())

        when:
        chunker.start()
        int copied = 0
        Optional<Chunk> c
        while ((c = chunker.next()).present) {
            copied += copier.copy(c.get())
        }

        then:
        copied == 1049
        primarySql().value("SELECT name FROM ghost WHERE tenant = 1 AND at = '2026-01-01 00:00:00.000001'") == 'newer'

        cleanup:
        runner?.connection()?.close()
    }

    def "a one-column integer key, #what: chunks #how, none larger than the chunk size, every row copied"() {
        given:
        def sql = primarySql()
        ['ik', 'ik_ghost'].each { sql.execute("DROP TABLE IF EXISTS ${it}".toString()) }
        sql.execute("CREATE TABLE ik (id ${type} NOT NULL PRIMARY KEY, v varchar(20) NOT NULL)".toString())
        sql.execute("INSERT INTO ik SELECT ${ids}, CONCAT('v', seq) FROM seq_1_to_1000".toString())
        sql.execute("DELETE FROM ik WHERE ${holes}".toString())
        sql.execute('CREATE TABLE ik_ghost LIKE ik')
        def t = new CopyTarget(new TableName(schema, 'ik'), new TableName(schema, 'ik_ghost'), 'PRIMARY', ['id'], ['id', 'v'], ['id', 'v'])
        def runner = new StatementRunner(db.openPrimary(), db.primary().describe())
        def chunker = new Chunker(runner, t, { 100 }, true)
        def copier = new RowCopier(runner, t, 'PRIMARY', Pacer.system())
        def sizes = []

        when:
        assert chunker.start()
        Optional<Chunk> c
        while ((c = chunker.next()).present) {
            sizes << copier.copy(c.get())
        }
        def sum = { String table -> sql.value("SELECT CONCAT(COUNT(*), ':', BIT_XOR(CRC32(CONCAT_WS('#', id, v)))) FROM ${table}".toString()) }

        then:
        chunker.spans() == spans
        chunker.done()
        sum('ik_ghost') == sum('ik')
        sizes.every { it <= 100 }
        sizes.sum() == sql.value('SELECT COUNT(*) FROM ik')
        sizes.size() == chunks

        cleanup:
        runner?.connection()?.close()
        ['ik', 'ik_ghost'].each { sql.execute("DROP TABLE IF EXISTS ${it}".toString()) }

        where:
        what                                  | type              | ids                            | holes           || spans | chunks | how
        'dense with holes'                    | 'bigint'          | 'seq'                          | 'id % 7 = 0'    || true  | 10     | 'as key spans after the first'
        'sparse (every 10th value)'           | 'int'             | 'seq * 10'                     | 'id % 70 = 0'   || false | 9      | 'by the index walk'
        'unsigned, at the top of its range'   | 'bigint unsigned' | '18446744073709551615 - seq + 1' | 'id % 5 = 0'  || true  | 10     | 'as key spans past the range of a long'
    }

    def "an empty table has no chunks"() {
        given:
        primarySql().execute('DELETE FROM src')
        def chunker = new Chunker(new StatementRunner(primarySql().connection(), 'p'), target(), { 100 })

        expect:
        !chunker.start()
        chunker.next().isEmpty()
    }

    def "#what stops the copy with DATA_LOSS naming the chunk's key range"() {
        given:
        primarySql().execute(alter)
        def runner = new StatementRunner(db.openPrimary(), db.primary().describe())
        def chunker = new Chunker(runner, target(), { 500 })
        def copier = new RowCopier(runner, target(), 'PRIMARY', Pacer.system())

        when:
        chunker.start()
        copier.copy(chunker.next().get())

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.DATA_LOSS
        e.message.contains('chunk 1 (key start .. [')
        e.message.contains(message)

        cleanup:
        runner?.connection()?.close()

        where:
        what                                 | alter                                                  || message
        'truncation of a narrowed column'    | 'ALTER TABLE ghost MODIFY name varchar(3) NOT NULL'    || "Data truncated for column 'name'"
        'a duplicate in a new unique key'    | 'ALTER TABLE ghost ADD UNIQUE KEY amount_u (extra)'    || "Duplicate entry '0' for key 'amount_u'"
    }
}
