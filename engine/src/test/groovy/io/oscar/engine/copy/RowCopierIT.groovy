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
