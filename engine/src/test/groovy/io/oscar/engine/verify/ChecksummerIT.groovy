package io.oscar.engine.verify

import io.oscar.engine.copy.CopyTarget
import io.oscar.engine.db.StatementRunner
import io.oscar.engine.inspect.Inspector
import io.oscar.engine.schema.TableName
import io.oscar.engine.sql.CopySql
import io.oscar.testkit.DatabaseSpec

class ChecksummerIT extends DatabaseSpec {
    static final int CHUNK = 50
    static final List<String> ORIGINAL_COLUMNS = ['tenant', 'at', 'name', 'note', 'a', 'b', 'qty', 'old_name', 'seen', 'price', 'body']
    static final List<String> GHOST_COLUMNS = ['tenant', 'at', 'name', 'note', 'a', 'b', 'qty', 'new_name', 'seen', 'price', 'body']

    StatementRunner runner

    def setup() {
        def sql = primarySql()
        ['orig', 'ghost'].each { sql.execute("DROP TABLE IF EXISTS ${it}".toString()) }
        // composite key with a datetime(6) column; latin1 name; NULL / '' / 'NULL' notes; a renamed column
        sql.execute('''CREATE TABLE orig (
            tenant int NOT NULL, at datetime(6) NOT NULL, name varchar(10) CHARACTER SET latin1 NULL,
            note varchar(10) NULL, a varchar(5) NULL, b varchar(5) NULL, qty int NOT NULL, old_name varchar(10) NULL,
            seen datetime NULL, price decimal(8,2) NULL, body text NULL,
            PRIMARY KEY (tenant, at)) DEFAULT CHARSET=utf8mb4''')
        // int -> bigint (key too), latin1 -> utf8mb4 and wider, datetime -> datetime(6), decimal scale 2 -> 3,
        // text -> mediumtext, old_name renamed, an added column that is not compared, the key under another name
        sql.execute('''CREATE TABLE ghost (
            tenant bigint NOT NULL, at datetime(6) NOT NULL, added int NOT NULL DEFAULT 7,
            name varchar(20) CHARACTER SET utf8mb4 NULL, note varchar(20) NULL, a varchar(5) NULL, b varchar(5) NULL,
            qty bigint NOT NULL, new_name varchar(10) NULL, seen datetime(6) NULL, price decimal(10,3) NULL,
            body mediumtext NULL, UNIQUE KEY tenant_at (tenant, at)) DEFAULT CHARSET=utf8mb4''')
        // 4 tenants x 250 rows, keys with microseconds
        sql.execute('''INSERT INTO orig SELECT seq % 4, TIMESTAMP('2026-01-01') + INTERVAL seq SECOND + INTERVAL seq MICROSECOND,
            CONCAT('é', seq), ELT(seq % 3 + 1, NULL, '', 'NULL'), 'a', 'bc', seq * 1000, CONCAT('o', seq),
            IF(seq % 7 = 0, NULL, TIMESTAMP('2025-06-01') + INTERVAL seq MINUTE), seq / 8, REPEAT(CHAR(64 + seq % 26), seq)
            FROM seq_1_to_1000''')
        sql.execute("INSERT INTO ghost (${GHOST_COLUMNS.join(', ')}) SELECT ${ORIGINAL_COLUMNS.join(', ')} FROM orig".toString())
        runner = new StatementRunner(db.openPrimary(), db.primary().describe())
    }

    def cleanup() {
        runner?.connection()?.close()
    }

    CopyTarget copyTarget() {
        new CopyTarget(new TableName(schema, 'orig'), new TableName(schema, 'ghost'), 'PRIMARY', ['tenant', 'at'],
                ORIGINAL_COLUMNS, GHOST_COLUMNS)
    }

    Checksummer checksummer() {
        def inspector = new Inspector(runner.connection(), db.flavor())
        def target = ChecksumTarget.of(copyTarget(), inspector.table(copyTarget().source()), inspector.table(copyTarget().ghost()))
        new Checksummer(runner, target, { CHUNK })
    }

    /** The original's keys in order, as [tenant, at] with at as the server's text. */
    List<List<String>> keys() {
        primarySql().rows('SELECT tenant, CAST(at AS char) AS at FROM orig ORDER BY tenant, at').collect { [it.tenant as String, it.at as String] }
    }

    static List<String> text(List<Object> key) {
        key == null ? null : key.collect { it.toString() }
    }

    void changeGhost(String set, List<String> key) {
        primarySql().execute("UPDATE ghost SET ${set} WHERE tenant = ? AND at = ?".toString(), key[0] as long, key[1])
    }

    def "identical tables match across int->bigint, latin1->utf8mb4, datetime->datetime(6), decimal scale, a rename and an added column"() {
        when:
        def result = checksummer().verify()

        then:
        result.matches()
        result.chunks() == 1000 / CHUNK + 1
        result.originalRows() == 1000
        result.ghostRows() == 1000
        primarySql().value("SELECT COUNT(*) FROM ghost WHERE name LIKE 'é%' AND HEX(name) LIKE 'C3A9%'") == 1000
        primarySql().rows("SELECT COUNT(*) AS n FROM orig GROUP BY note IS NULL, note ORDER BY 1")*.n*.intValue() == [333, 333, 334]
    }

    def "#what in the ghost is reported as exactly the chunk holding that row"() {
        given: 'the first row from about #near on whose value is as the case needs'
        def keys = keys()
        int row = primarySql().rows("SELECT (${before}) AS ok FROM orig ORDER BY tenant, at".toString())
                .findIndexOf(near) { it.ok == 1 }
        assert row >= near && row < near + 10
        changeGhost(set, keys[row])
        int chunk = row.intdiv(CHUNK)

        when:
        def result = checksummer().verify()

        then:
        result.mismatches().size() == 1
        with(result.mismatches()[0]) {
            text(from()) == (chunk == 0 ? null : keys[chunk * CHUNK - 1])
            text(to()) == keys[chunk * CHUNK + CHUNK - 1]
            originalRows() == CHUNK
            ghostRows() == CHUNK
            originalChecksum() != ghostChecksum()
        }
        result.originalRows() == 1000

        where:
        what                              | near | before                | set
        'one changed value in the middle' | 475  | '1'                   | "qty = qty + 1"
        'NULL -> empty string'            | 0    | 'note IS NULL'        | "note = ''"
        'empty string -> NULL'            | 600  | "note = ''"           | "note = NULL"
        "'NULL' -> NULL"                  | 600  | "note = 'NULL'"       | "note = NULL"
        "NULL -> 'NULL'"                  | 900  | 'note IS NULL'        | "note = 'NULL'"
        "'NULL' -> empty string"          | 40   | "note = 'NULL'"       | "note = ''"
        'a,bc -> ab,c'                    | 333  | "a = 'a' AND b = 'bc'" | "a = 'ab', b = 'c'"
        "'é' -> 'e'"                      | 990  | "name LIKE 'é%'"      | "name = REPLACE(name, 'é', 'e')"
        'renamed column changed'          | 120  | '1'                   | "new_name = 'x'"
        'fraction of a datetime(6) value' | 700  | 'seen IS NOT NULL'    | "seen = seen + INTERVAL 1 MICROSECOND"
        'third decimal of a wider scale'  | 50   | 'price IS NOT NULL'   | "price = price + 0.001"
        'one character of a text body'    | 801  | '1'                   | "body = CONCAT(body, '!')"
    }

    def "an added column changed in the ghost is not compared"() {
        given:
        primarySql().execute('UPDATE ghost SET added = 8')

        expect:
        checksummer().verify().matches()
    }

    def "a row missing in the ghost is reported with both counts"() {
        given:
        def keys = keys()
        primarySql().execute('DELETE FROM ghost WHERE tenant = ? AND at = ?', keys[100][0] as long, keys[100][1])

        when:
        def result = checksummer().verify()

        then:
        result.mismatches().size() == 1
        with(result.mismatches()[0]) {
            text(from()) == keys[99]
            text(to()) == keys[149]
            originalRows() == 50
            ghostRows() == 49
        }
        result.ghostRows() == 999
    }

    def "a row only the ghost has, #where, is caught"() {
        given:
        def keys = keys()
        primarySql().execute("INSERT INTO ghost (tenant, at, qty) VALUES (?, '2026-01-01 00:00:00.5', 1)", tenant)

        when:
        def result = checksummer().verify()

        then:
        result.mismatches().size() == 1
        with(result.mismatches()[0]) {
            text(from()) == (first ? null : keys[999])
            text(to()) == (first ? keys[49] : null)
            originalRows() == (first ? 50 : 0)
            ghostRows() == (first ? 51 : 1)
        }

        where:
        where                          | tenant | first
        "beyond the original's last key" | 99     | false
        "before the original's first key" | -1     | true
    }

    def "compareRange checks one range again: still wrong, then right after the range is re-copied"() {
        given:
        def checksummer = checksummer()
        changeGhost("a = 'ab', b = 'c'", keys()[260])
        def m = checksummer.verify().mismatches()[0]

        expect:
        checksummer.compareRange(m.from(), m.to()) == [m]

        when: 're-copy the range as the migration would'
        primarySql().execute('DELETE FROM ghost WHERE (tenant, at) > (?, ?) AND (tenant, at) <= (?, ?)',
                *(m.from() + m.to()))
        def copy = copyTarget()
        runner.update(CopySql.copyChunk(copy.source(), copy.ghost(), copy.index(), copy.key(), copy.sourceColumns(),
                copy.ghostColumns(), m.from(), m.to()))

        then:
        checksummer.compareRange(m.from(), m.to()).isEmpty()
        checksummer.verify().matches()
    }

    def "compareKeys names the batch that holds a changed row; the other batches match"() {
        given:
        def all = keys().collect { [it[0] as long, it[1]] as Object[] }
        changeGhost("note = 'changed'", keys()[700])

        when:
        def mismatches = checksummer().compareKeys(all)

        then: '1000 keys in batches of 500: the second batch differs, by content only'
        mismatches.size() == 1
        mismatches[0].byKeys()
        mismatches[0].keys().size() == 1000 - Checksummer.KEYS_PER_STATEMENT
        mismatches[0].originalRows() == mismatches[0].ghostRows()
        mismatches[0].describe().startsWith('500 rows by key (first [')
        checksummer().compareKeys(all.subList(0, 500)).isEmpty()
    }

    def "with a second connection the ghost side is read at the same time, with the same answers"() {
        given:
        changeGhost("name = 'x'", keys()[10])
        def ghostRunner = new StatementRunner(db.openPrimary(), db.primary().describe())
        def inspector = new Inspector(runner.connection(), db.flavor())
        def target = ChecksumTarget.of(copyTarget(), inspector.table(copyTarget().source()), inspector.table(copyTarget().ghost()))
        primarySql().execute('DELETE FROM ghost WHERE tenant = 3 LIMIT 1')

        when:
        def two = new Checksummer(runner, ghostRunner, target, { CHUNK })
        def one = checksummer()
        def a = two.verify()
        def b = one.verify()

        then:
        a.mismatches().collect { [text(it.from()), text(it.to()), it.originalRows(), it.ghostRows()] } ==
                b.mismatches().collect { [text(it.from()), text(it.to()), it.originalRows(), it.ghostRows()] }
        a.mismatches().size() == 2
        a.originalRows() == 1000
        a.ghostRows() == 999

        cleanup:
        two?.close()
        ghostRunner?.connection()?.close()
    }

    def "an empty original against a ghost with rows is one mismatch over the whole key"() {
        given:
        primarySql().execute('DELETE FROM orig')

        when:
        def result = checksummer().verify()

        then:
        result.chunks() == 1
        result.mismatches().size() == 1
        with(result.mismatches()[0]) {
            from() == null
            to() == null
            originalRows() == 0
            ghostRows() == 1000
        }
    }
}
