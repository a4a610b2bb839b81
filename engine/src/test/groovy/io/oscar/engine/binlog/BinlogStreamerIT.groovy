package io.oscar.engine.binlog

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.db.ConnectionSpec
import io.oscar.engine.schema.TableSchema
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.SqlClient

import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

class BinlogStreamerIT extends DatabaseSpec {
    static final Duration WAIT = Duration.ofSeconds(30)

    static final String ALL_TYPES = '''CREATE TABLE %s (
        id INT NOT NULL PRIMARY KEY,
        ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT, miu MEDIUMINT UNSIGNED,
        i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
        d DECIMAL(65,30), d2 DECIMAL(10,2), f FLOAT, db DOUBLE,
        dt DATE, tm TIME(6), tm0 TIME, dtm DATETIME(6), dtm3 DATETIME(3), dtm0 DATETIME,
        ts TIMESTAMP(6) NULL DEFAULT NULL, ts0 TIMESTAMP NULL DEFAULT NULL, yr YEAR,
        c_latin CHAR(10) CHARACTER SET latin1, vc_latin VARCHAR(50) CHARACTER SET latin1,
        c_utf CHAR(5) CHARACTER SET utf8mb4, vc_utf VARCHAR(50) CHARACTER SET utf8mb4,
        txt TEXT CHARACTER SET utf8mb4, txt_latin MEDIUMTEXT CHARACTER SET latin1, vc_bin VARCHAR(10) CHARACTER SET binary,
        bin BINARY(4), vbin VARBINARY(20), blb BLOB, lblb LONGBLOB,
        js JSON, en ENUM('a','b''c','ü'), st SET('x','y','z'), b1 BIT(1), b10 BIT(10), b64 BIT(64), tm2 TIME(2), tm4 TIME(4)
    )'''

    static final String MAX_ROW = """(1, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,
        9223372036854775807, 18446744073709551615,
        99999999999999999999999999999999999.999999999999999999999999999999, 99999999.99, 3.40282e38, 1.7976931348623157e308,
        '9999-12-31', '838:59:59.999999', '838:59:59', '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999', '9999-12-31 23:59:59',
        '2038-01-19 08:44:07.999999', '2038-01-19 08:44:07', 2155,
        'é  ', CONCAT('café', _latin1 x'81', '  '), 'ñ😀', '😀 emoji  ', 'long 😀 text', 'naïve Æ ß', x'00ff20',
        x'61', x'00ff00', x'deadbeef', x'',
        '{"a": [1, 2.5, "x"], "b": null, "é": "😀"}', 'b''c', 'x,z', b'1', b'1010101010', x'ffffffffffffffff', '838:59:59.99', '838:59:59.9999')"""

    static final String MIN_ROW = """(2, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0,
        -9223372036854775808, 0,
        -99999999999999999999999999999999999.999999999999999999999999999999, -99999999.99, -1.17549e-38, -2.2250738585072014e-308,
        '0001-01-01', '-838:59:59.999999', '-838:59:59', '1000-01-01 00:00:00.000001', '1582-10-04 23:59:59.999', '1000-01-01 00:00:00',
        '1970-01-01 05:30:01.000001', '1970-01-01 05:30:01', 1901,
        '', '', '', '', '', '', '',
        x'00000000', x'', x'', x'',
        '[]', 'a', '', b'0', b'0', 0, '-00:00:00.01', '-838:59:59.9999')"""

    static final String NULL_ROW = "(3" + ", NULL" * 42 + ")"

    static final String MID_ROW = """(4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
        0.000000000000000000000000000001, -0.01, 0.1, 0.1,
        '2026-11-23', '10:11:12.345678', '-00:00:01', '2026-11-23 10:11:12.345678', '2026-11-23 10:11:12.345', '2026-11-23 10:11:12',
        '2026-11-23 10:11:12.345678', '2026-03-29 02:30:00', 2026,
        'a b', 'x', 'é', 'ü ', ' leading', 'ÿ', 'ab ',
        x'61620000', x'20', x'00', x'0102',
        '"str"', 'ü', 'x,y,z', b'1', b'11', 1, '-00:00:01.5', '-01:02:03.0001')"""

    static final String ZERO_ROW = """(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        '0000-00-00', '00:00:00', '00:00:00', '0000-00-00 00:00:00', '0000-00-00 00:00:00', '0000-00-00 00:00:00',
        '0000-00-00 00:00:00', '0000-00-00 00:00:00', 0,
        'z', 'z', 'z', 'z', 'z', 'z', 'z', x'01', x'01', x'01', x'01', 'null', 'a', 'y', b'0', b'0', 0, '00:00:00', '00:00:00')"""

    SqlClient sql
    List<BinlogStreamer> streamers = []

    def setup() {
        sql = primarySql()
        sql.execute("SET time_zone = '+05:30'")
    }

    def cleanup() {
        streamers*.close()
    }

    BinlogStreamer streamer() {
        def s = new BinlogStreamer(db.primary()).setHeartbeatInterval(Duration.ofSeconds(1))
        streamers << s
        s
    }

    BinlogPosition now() {
        BinlogStreamer.currentPosition(sql.connection())
    }

    TableSchema allTypesTable(String name) {
        sql.execute(String.format(ALL_TYPES, name))
        sql.execute("CREATE TABLE ${name}_copy LIKE ${name}".toString())
        TestSchemas.read(sql, schema, name)
    }

    def "every supported type round-trips exactly through the binlog into a copy table"() {
        given:
        def table = allTypesTable('alltypes')
        def changes = new CopyOnWriteArrayList<RowChange>()
        def start = now()
        def s = streamer().subscribe(table, changes::add)
        s.start(start)

        when: 'inserts, updates (the key too) and deletes, some in one transaction'
        sql.execute("INSERT INTO alltypes VALUES ${MAX_ROW}, ${MIN_ROW}, ${NULL_ROW}".toString())
        sql.execute("INSERT INTO alltypes VALUES ${MID_ROW}".toString())
        sql.execute("INSERT INTO alltypes VALUES ${ZERO_ROW}".toString())
        sql.execute("UPDATE alltypes SET dtm = '2026-11-23 10:11:12.000001', ts = '2030-01-01 00:00:00.5', vc_utf = 'ç😀' WHERE id = 4")
        sql.execute('BEGIN')
        sql.execute("UPDATE alltypes SET id = 6, f = -0.0, tiu = 254 WHERE id = 4")
        sql.execute("INSERT INTO alltypes SELECT 7, ti, tiu, si, siu, mi, miu, i, iu, bi, biu, d, d2, f, db, dt, tm, tm0, dtm, dtm3, dtm0, ts, ts0, yr, c_latin, vc_latin, c_utf, vc_utf, txt, txt_latin, vc_bin, bin, vbin, blb, lblb, js, en, st, b1, b10, b64, tm2, tm4 FROM alltypes WHERE id = 1")
        sql.execute('COMMIT')
        sql.execute("DELETE FROM alltypes WHERE id = 2")
        sql.execute("UPDATE alltypes SET txt = REPEAT('é', 20000) WHERE id = 3")
        def end = now()

        then:
        s.awaitPosition(end, WAIT)
        changes*.kind() == [INSERT] * 5 + [UPDATE, UPDATE, INSERT, DELETE, UPDATE]
        changes.every { it.table() == table.name() && it.position().file() != null }

        and: 'decoded values are the documented types'
        def max = changes[0].after()
        def col = { String n -> table.columnNames().indexOf(n) }
        max[col('biu')] == new BigInteger('18446744073709551615')
        max[col('iu')] == 4294967295L
        max[col('dtm')] == '9999-12-31 23:59:59.999999'
        max[col('ts')] == '2038-01-19 03:14:07.999999'
        max[col('c_latin')] == 'é'
        max[col('bin')] == [0x61, 0, 0, 0] as byte[]
        max[col('en')] == "b'c"
        changes[1].after()[col('tm')] == '-838:59:59.999999'
        changes[3].after()[col('tm2')] == '-00:00:01.50'
        changes[2].after().drop(1).every { it == null }

        when: 'the changes are replayed onto the copy'
        new ChangeApplier(primarySql(), table.withStructure(table.columns(), table.indexes(), []), 'alltypes_copy').apply(changes)

        then:
        sameRows('alltypes', 'alltypes_copy', table)
        checksum('alltypes') == checksum('alltypes_copy')
    }

    def "a lost fractional second is caught by the comparison"() {
        given:
        def table = allTypesTable('lossy')
        sql.execute("INSERT INTO lossy VALUES ${MID_ROW}".toString())
        sql.execute("INSERT INTO lossy_copy SELECT * FROM lossy")

        when:
        sql.execute("UPDATE lossy_copy SET dtm = '2026-11-23 10:11:12.345677'")

        then:
        !sameRows('lossy', 'lossy_copy', table)
    }

    def "changes of tables nobody subscribed to are not delivered"() {
        given:
        sql.execute('CREATE TABLE watched (id INT PRIMARY KEY, v VARCHAR(10))')
        sql.execute('CREATE TABLE ignored (id INT PRIMARY KEY, v VARCHAR(10))')
        def changes = new CopyOnWriteArrayList<RowChange>()
        def s = streamer().subscribe(TestSchemas.read(sql, schema, 'watched'), changes::add)
        s.start(now())

        when:
        sql.execute("INSERT INTO ignored VALUES (1, 'a')")
        sql.execute("INSERT INTO watched VALUES (1, 'a')")
        sql.execute("UPDATE ignored SET v = 'b'")
        sql.execute("DELETE FROM watched")
        def end = now()

        then:
        s.awaitPosition(end, WAIT)
        changes*.kind() == [INSERT, DELETE]
        changes.every { it.table().table() == 'watched' }
    }

    def "the stream follows a binlog rotation"() {
        given:
        sql.execute('CREATE TABLE rotated (id INT PRIMARY KEY)')
        def changes = new CopyOnWriteArrayList<RowChange>()
        def start = now()
        def s = streamer().subscribe(TestSchemas.read(sql, schema, 'rotated'), changes::add)
        s.start(start)

        when:
        sql.execute('INSERT INTO rotated VALUES (1)')
        sql.execute('FLUSH BINARY LOGS')
        sql.execute('INSERT INTO rotated VALUES (2)')
        def end = now()

        then:
        end.file() != start.file()
        s.awaitPosition(end, WAIT)
        changes.collect { it.after()[0] } == [1, 2]
        changes[1].position().file() != start.file()
        s.lastApplied().file() == end.file()
        s.lastApplied().gtidSet() != null
    }

    def "a reconnect after the server drops the link resumes where it stopped"() {
        given:
        sql.execute('CREATE TABLE dropped (id INT PRIMARY KEY)')
        def changes = new CopyOnWriteArrayList<RowChange>()
        def s = streamer().setReconnectInterval(Duration.ofMillis(500)).subscribe(TestSchemas.read(sql, schema, 'dropped'), changes::add)
        s.start(now())
        sql.execute('INSERT INTO dropped VALUES (1)')
        s.awaitPosition(now(), WAIT)

        when: "this client's binlog dump thread is killed (only ours: others share the server)"
        def killed = s.connectionId()
        sql.execute("KILL ${killed}".toString())
        sql.execute('INSERT INTO dropped VALUES (2)')

        then:
        s.awaitPosition(now(), WAIT)
        changes.collect { it.after()[0] } == [1, 2]
        s.failure().isEmpty()
        s.connectionId() != killed
    }

    def "a wrong password names user, host and port"() {
        given:
        def p = db.primary()
        def bad = new ConnectionSpec(p.host(), p.port(), p.user(), 'wrong-password', null)

        when:
        new BinlogStreamer(bad).withCloseable { it.start(now()) }

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.ACCESS_DENIED
        e.message.contains(bad.describe())
        !e.message.contains('wrong-password')
    }

    def "a listener that throws stops the stream; the failure is reported and rethrown on the caller"() {
        given:
        sql.execute('CREATE TABLE failing (id INT PRIMARY KEY)')
        def reported = new CopyOnWriteArrayList<String>()
        def s = streamer()
                .subscribe(TestSchemas.read(sql, schema, 'failing'), { throw new IllegalStateException('boom') })
                .onFailure { reported << Thread.currentThread().name }
        s.start(now())

        when:
        sql.execute('INSERT INTO failing VALUES (1)')
        s.awaitPosition(now(), WAIT)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.BINLOG_FAILED
        e.message.contains('boom')
        s.failure().isPresent()
        reported == ['oscar-binlog']
    }

    def "a table whose column count differs from the inspected schema is refused"() {
        given:
        sql.execute('CREATE TABLE altered (id INT PRIMARY KEY, a INT)')
        def stale = TestSchemas.read(sql, schema, 'altered')
        sql.execute('ALTER TABLE altered ADD COLUMN b INT')
        def s = streamer().subscribe(stale, {})
        s.start(now())

        when:
        sql.execute('INSERT INTO altered VALUES (1, 2, 3)')
        s.awaitPosition(now(), WAIT)

        then:
        def e = thrown(OscarException)
        e.message.contains('3 columns')
        e.message.contains('altered')
    }

    boolean sameRows(String a, String b, TableSchema table) {
        if (sql.value("SELECT COUNT(*) FROM ${a}".toString()) != sql.value("SELECT COUNT(*) FROM ${b}".toString())) {
            return false
        }
        table.columnNames().every { c ->
            def diff = sql.rows("""SELECT x.id FROM ${a} x LEFT JOIN ${b} y ON x.id = y.id
                    WHERE y.id IS NULL OR NOT (x.`${c}` <=> y.`${c}`) OR NOT (HEX(x.`${c}`) <=> HEX(y.`${c}`))
                    OR NOT (CAST(x.`${c}` AS CHAR) <=> CAST(y.`${c}` AS CHAR))""".toString())
            if (diff) {
                println "column ${c} differs in rows ${diff*.id}"
            }
            diff.isEmpty()
        }
    }

    Object checksum(String t) {
        sql.firstRow("CHECKSUM TABLE ${t}".toString()).Checksum
    }

    static final RowChange.Kind INSERT = RowChange.Kind.INSERT
    static final RowChange.Kind UPDATE = RowChange.Kind.UPDATE
    static final RowChange.Kind DELETE = RowChange.Kind.DELETE
}
