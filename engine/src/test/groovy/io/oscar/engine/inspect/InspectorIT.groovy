package io.oscar.engine.inspect

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.db.ConnectionSpec
import io.oscar.engine.db.Connector
import io.oscar.engine.db.ServerFlavor
import io.oscar.engine.schema.Column
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.Index
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.Trigger
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlClient
import io.oscar.testkit.SqlScript
import org.opentest4j.TestAbortedException
import spock.lang.Shared

import java.sql.Connection
import java.sql.SQLException
import java.time.Duration

/** The inspector against real tables on the primary and the replica: exact values, both FK directions, server state. */
class InspectorIT extends DatabaseSpec {
    @Shared String other
    @Shared ServerFlavor flavor
    @Shared Inspector inspector
    @Shared List<Connection> connections = []

    @Override
    boolean needsReplica() {
        true
    }

    def setupSpec() {
        other = db.createSchema('InspectorIT_other')
        flavor = db.flavor()
        inspector = inspectorOn(db.openPrimary(), db.primary())
        def sql = primarySql()
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
        createChain(sql)
        createKeys(sql)
        createKinds(sql)
        sql.execute('CREATE TABLE events_p (id int NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) '
                + 'PARTITION BY RANGE COLUMNS (at) (PARTITION p2025 VALUES LESS THAN (\'2026-01-01\'), '
                + 'PARTITION pmax VALUES LESS THAN (MAXVALUE))')
        sql.execute('INSERT INTO events_p VALUES (1, \'2025-05-01\'), (2, \'2026-05-01\')')
        sql.execute("CREATE TABLE `${other}`.foreign_child (id int PRIMARY KEY, base_id int NOT NULL, "
                + "CONSTRAINT fk_other_base FOREIGN KEY (base_id) REFERENCES `${schema}`.baseitem (id))")
    }

    def cleanupSpec() {
        connections*.close()
        if (other != null) {
            db.dropSchema(other)
        }
    }

    private Inspector inspectorOn(Connection c, ConnectionSpec spec) {
        connections << c
        new Inspector(c, Connector.flavorOf(c, spec), spec.describe())
    }

    /** gp <- par <- kid, par referencing itself, and gp referencing kid: a cycle three tables long. */
    private static void createChain(SqlClient sql) {
        sql.execute('CREATE TABLE gp (id int PRIMARY KEY, kid_id int NULL)')
        sql.execute('''CREATE TABLE par (id int PRIMARY KEY, gp_id int NOT NULL, parent_id int NULL,
                CONSTRAINT fk_par_gp FOREIGN KEY (gp_id) REFERENCES gp (id) ON DELETE CASCADE,
                CONSTRAINT fk_par_parent FOREIGN KEY (parent_id) REFERENCES par (id))''')
        sql.execute('''CREATE TABLE kid (id int PRIMARY KEY, par_id int NULL,
                CONSTRAINT fk_kid_par FOREIGN KEY (par_id) REFERENCES par (id) ON DELETE SET NULL ON UPDATE CASCADE)''')
        sql.execute('ALTER TABLE gp ADD CONSTRAINT fk_gp_kid FOREIGN KEY (kid_id) REFERENCES kid (id)')
    }

    private static void createKeys(SqlClient sql) {
        sql.execute('''CREATE TABLE pairs (a int NOT NULL, b varchar(10) NOT NULL, c int NULL, d int NOT NULL,
                PRIMARY KEY (b, a), UNIQUE KEY uk_dc (d, c), UNIQUE KEY uk_nullable (c), KEY k_plain (a, d))''')
        sql.execute('''CREATE TABLE pair_refs (id int PRIMARY KEY, pa int NOT NULL, pb varchar(10) NOT NULL,
                CONSTRAINT fk_pair FOREIGN KEY (pb, pa) REFERENCES pairs (b, a) ON UPDATE CASCADE)''')
    }

    private static void createKinds(SqlClient sql) {
        sql.execute('''CREATE TABLE kinds (
                id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
                no_default varchar(20) NOT NULL,
                null_default varchar(20) DEFAULT NULL,
                quoted varchar(30) NOT NULL DEFAULT 'it''s "q"',
                null_word varchar(5) DEFAULT 'NULL',
                created datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
                price decimal(10,2) NOT NULL DEFAULT 1.50,
                status enum('new','done') NOT NULL DEFAULT 'new',
                tags set('a','b'),
                doc json,
                flags bit(3) DEFAULT b'101',
                legacy text CHARACTER SET latin1,
                modern text CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
                qty int NOT NULL DEFAULT 5,
                doubled int GENERATED ALWAYS AS (qty * 2) VIRTUAL,
                plus_one int GENERATED ALWAYS AS (qty + 1) STORED
            ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci''')
    }

    private TableName t(String table) {
        new TableName(schema, table)
    }

    private boolean maria() {
        flavor.isMariaDb()
    }

    private String intType() {
        maria() ? 'int(11)' : 'int'
    }

    def "the seed's baseitem: columns, primary key, latin1, and the FK that references it from two schemas"() {
        when:
        def s = inspector.table(t('baseitem'))

        then:
        s.name() == t('baseitem')
        s.engine() == 'InnoDB'
        s.charset() == 'latin1'
        s.collation() == 'latin1_swedish_ci'
        s.columnNames() == ['id', 'created_on', 'updated_on', 'product_id']
        s.columns()[0] == new Column('id', 'int', intType(), false, null, 'auto_increment', null, null, null)
        s.columns()[1] == new Column('created_on', 'datetime', 'datetime', false, null, '', null, null, null)
        s.indexes() == [new Index('PRIMARY', ['id'], true, true)]
        s.foreignKeys() == []
        s.referencedBy() == [
                new ForeignKey('fk_other_base', new TableName(other, 'foreign_child'), ['base_id'], t('baseitem'), ['id'],
                        'RESTRICT', 'RESTRICT'),
                new ForeignKey('baseitem_id_refs_id_2d6ba49a', t('referringitem'), ['baseitem_id'], t('baseitem'), ['id'],
                        'RESTRICT', 'RESTRICT')].sort { it.child() }
        s.triggers() == []
        !s.partitioned()
        s.dataBytes() > 0
    }

    def "referringitem declares the seed's FK, with its index"() {
        when:
        def s = inspector.table(t('referringitem'))

        then:
        s.foreignKeys() == [new ForeignKey('baseitem_id_refs_id_2d6ba49a', t('referringitem'), ['baseitem_id'],
                t('baseitem'), ['id'], 'RESTRICT', 'RESTRICT')]
        s.referencedBy() == []
        s.indexes() == [new Index('PRIMARY', ['id'], true, true),
                        new Index('referringitem_baseitem_id', ['baseitem_id'], false, false)]
    }

    def "composite primary key, composite and nullable unique keys, a plain key: column order kept"() {
        when:
        def s = inspector.table(t('pairs'))

        then:
        s.indexes() == [new Index('PRIMARY', ['b', 'a'], true, true),
                        new Index('k_plain', ['a', 'd'], false, false),
                        new Index('uk_dc', ['d', 'c'], true, false),
                        new Index('uk_nullable', ['c'], true, false)]
        s.primaryKey().get().columns() == ['b', 'a']
        s.uniqueKeys()*.name() == ['PRIMARY', 'uk_dc', 'uk_nullable']
        s.notNull(s.primaryKey().get())
        !s.notNull(s.indexes().find { it.name() == 'uk_nullable' })
        s.referencedBy() == [new ForeignKey('fk_pair', t('pair_refs'), ['pb', 'pa'], t('pairs'), ['b', 'a'],
                'RESTRICT', 'CASCADE')]
    }

    def "column types, charsets and defaults: none, NULL, quoted literal, the string NULL, expressions"() {
        when:
        def s = inspector.table(t('kinds'))
        def c = s.columns().collectEntries { [it.name(), it] }

        then:
        s.columnNames() == ['id', 'no_default', 'null_default', 'quoted', 'null_word', 'created', 'price', 'status',
                            'tags', 'doc', 'flags', 'legacy', 'modern', 'qty', 'doubled', 'plus_one']
        c.id == new Column('id', 'bigint', maria() ? 'bigint(20) unsigned' : 'bigint unsigned', false, null,
                'auto_increment', null, null, null)
        c.id.unsigned()
        c.id.autoIncrement()
        c.no_default == new Column('no_default', 'varchar', 'varchar(20)', false, null, '', null, 'utf8mb4', 'utf8mb4_general_ci')
        c.null_default.defaultValue() == 'NULL'
        c.null_default.nullable()
        c.quoted.defaultValue() == '\'it\'\'s "q"\''
        c.null_word.defaultValue() == "'NULL'"
        c.created == new Column('created', 'datetime', 'datetime(6)', false, 'current_timestamp(6)',
                'on update current_timestamp(6)', null, null, null)
        c.price == new Column('price', 'decimal', 'decimal(10,2)', false, '1.50', '', null, null, null)
        c.status == new Column('status', 'enum', "enum('new','done')", false, "'new'", '', null, 'utf8mb4', 'utf8mb4_general_ci')
        c.tags == new Column('tags', 'set', "set('a','b')", true, 'NULL', '', null, 'utf8mb4', 'utf8mb4_general_ci')
        c.doc.dataType() == (maria() ? 'longtext' : 'json')  // MariaDB: JSON is LONGTEXT with a json_valid CHECK
        c.flags == new Column('flags', 'bit', 'bit(3)', true, "b'101'", '', null, null, null)
        [c.legacy.charset(), c.legacy.collation()] == ['latin1', 'latin1_swedish_ci']
        [c.modern.charset(), c.modern.collation()] == ['utf8mb4', 'utf8mb4_bin']
        c.qty.defaultValue() == '5'
        !c.qty.generated()
    }

    def "generated columns: virtual and stored, with their expressions and no default"() {
        when:
        def c = inspector.table(t('kinds')).columns().collectEntries { [it.name(), it] }

        then:
        c.doubled == new Column('doubled', 'int', intType(), true, null, 'VIRTUAL GENERATED',
                maria() ? '`qty` * 2' : '(`qty` * 2)', null, null)
        c.plus_one == new Column('plus_one', 'int', intType(), true, null, 'STORED GENERATED',
                maria() ? '`qty` + 1' : '(`qty` + 1)', null, null)
        c.doubled.generated()
        c.plus_one.generated()
    }

    def "a partitioned table is reported as such, with its rows estimated"() {
        when:
        primarySql().execute("ANALYZE TABLE events_p")
        def s = inspector.table(t('events_p'))

        then:
        s.partitioned()
        s.rowEstimate() == 2
        s.primaryKey().get().columns() == ['id', 'at']
        !inspector.table(t('pairs')).partitioned()
    }

    def "a trigger on the table is listed with its timing and event"() {
        given:
        createTriggerOrSkip(primarySql())

        when:
        def s = inspector.table(t('pairs'))

        then:
        s.triggers() == [new Trigger('trg_pairs_bi', 'BEFORE', 'INSERT')]
    }

    private static void createTriggerOrSkip(SqlClient sql) {
        try {
            sql.execute('CREATE TRIGGER trg_pairs_bi BEFORE INSERT ON pairs FOR EACH ROW SET NEW.d = NEW.a')
        } catch (IllegalStateException e) {
            if ((e.cause as SQLException)?.errorCode == 1419) {
                throw new TestAbortedException('the test user may not create triggers while binary logging is on '
                        + '(error 1419): start the test server with log_bin_trust_function_creators=ON to run this')
            }
            throw e
        }
    }

    def "direct children and the whole tree: grandchildren, a self-reference and a cycle, each FK once"() {
        expect:
        inspector.table(t('gp')).referencedBy()*.name() == ['fk_par_gp']
        inspector.table(t('par')).referencedBy()*.name() == ['fk_kid_par', 'fk_par_parent']
        inspector.table(t('par')).foreignKeys()*.name() == ['fk_par_gp', 'fk_par_parent']

        when:
        def tree = inspector.referencingTree(t('gp'))

        then:
        tree == [
                new ForeignKey('fk_par_gp', t('par'), ['gp_id'], t('gp'), ['id'], 'CASCADE', 'RESTRICT'),
                new ForeignKey('fk_kid_par', t('kid'), ['par_id'], t('par'), ['id'], 'SET NULL', 'CASCADE'),
                new ForeignKey('fk_par_parent', t('par'), ['parent_id'], t('par'), ['id'], 'RESTRICT', 'RESTRICT'),
                new ForeignKey('fk_gp_kid', t('gp'), ['kid_id'], t('kid'), ['id'], 'RESTRICT', 'RESTRICT')]
        tree[0].cascades()
        inspector.referencingTree(t('baseitem'))*.name() == ['baseitem_id_refs_id_2d6ba49a', 'fk_other_base']
        inspector.referencingTree(t('referringitem')) == []
    }

    def "a missing table: TABLE_NOT_FOUND naming schema, table and similar names"() {
        when:
        inspector.table(t('baseitems'))

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.TABLE_NOT_FOUND
        e.message.contains("table baseitems does not exist in schema ${schema}")
        e.message.contains('did you mean baseitem?')
    }

    def "a missing schema: TABLE_NOT_FOUND naming the schema"() {
        when:
        inspector.table(new TableName(schema + '_nope', 'baseitem'))

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.TABLE_NOT_FOUND
        e.message.startsWith("schema ${schema}_nope does not exist on ${db.primary().describe()}")
        e.message.contains("did you mean ${schema}")
    }

    def "a table found in another schema is suggested"() {
        when:
        inspector.table(t('foreign_child'))

        then:
        def e = thrown(OscarException)
        e.message.contains("${other}.foreign_child")
    }

    def "schemas and tables for completion, system schemas left out"() {
        expect:
        inspector.schemas().containsAll([schema, other])
        !inspector.schemas().any { it in ['mysql', 'information_schema', 'performance_schema', 'sys'] }
        inspector.tables(schema) == ['baseitem', 'events_p', 'gp', 'kid', 'kinds', 'pair_refs', 'pairs', 'par', 'referringitem']
        inspector.tables(schema + '_nope') == []
    }

    def "binlog settings on the primary: ROW, FULL image, FULL metadata, writable"() {
        when:
        def b = inspector.binlogSettings()

        then:
        b.logBin()
        b.binlogFormat() == 'ROW'
        b.binlogRowImage() == 'FULL'
        b.binlogRowMetadata() == 'FULL'
        b.rowBasedFull()
        b.logReplicaUpdates()
        b.serverId() == primarySql().value('SELECT @@server_id') as long
        !b.readOnly()
        b.gtidEnabled()
        if (maria()) {
            assert b.gtidMode() == null
            assert b.gtidStrictMode() != null
            assert b.gtidPosition() ==~ /\d+-\d+-\d+(,\d+-\d+-\d+)*/
        } else {
            assert b.gtidStrictMode() == null
        }
    }

    def "replica status: running on the replica, empty on the primary"() {
        given:
        db.awaitReplica(Duration.ofSeconds(30))
        def onReplica = inspectorOn(db.openReplica(), db.replica())

        when:
        def status = onReplica.replicaStatus()

        then:
        status.isPresent()
        with(status.get()) {
            running()
            ioThread() == 'Yes'
            sqlThread() == 'Yes'
            secondsBehind() != null && secondsBehind() >= 0
            lastIoErrno() == 0
            lastSqlErrno() == 0
            lastSqlError() == ''
            sourcePort() == db.primary().port()
            sourceHost() != null
            !gtidExecuted().isEmpty()
        }
        inspector.replicaStatus().isEmpty()
        onReplica.binlogSettings().serverId() != inspector.binlogSettings().serverId()
    }

    def "the oscar user's global privileges include REPLICATION SLAVE"() {
        when:
        def privileges = inspector.globalPrivileges()

        then:
        privileges.contains('REPLICATION SLAVE') || privileges.contains(Inspector.ALL_PRIVILEGES)
        privileges.contains('SELECT') || privileges.contains(Inspector.ALL_PRIVILEGES)
        !privileges.contains('USAGE')
        privileges.every { it == it.toUpperCase() && !it.contains(',') }
    }

    def "a failing read names the server and what was read"() {
        given:
        def c = db.openPrimary()
        def broken = new Inspector(c, flavor, 'oscar@test:1')
        c.close()

        when:
        broken.binlogSettings()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.SQL_FAILED
        e.message.startsWith('reading the binlog settings on oscar@test:1 failed')
    }
}
