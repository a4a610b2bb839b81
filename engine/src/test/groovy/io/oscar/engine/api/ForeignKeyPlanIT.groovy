package io.oscar.engine.api

import io.oscar.engine.plan.MigrationOptions
import io.oscar.engine.plan.Plan
import io.oscar.engine.plan.Step
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlClient
import io.oscar.testkit.SqlScript

import java.time.Duration
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.ThreadLocalRandom
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicInteger

/** The seed's migration, planned and run by oscar: the multi-table plan over a foreign key. */
class ForeignKeyPlanIT extends DatabaseSpec {
    static final String FK = 'baseitem_id_refs_id_2d6ba49a'

    @Override
    boolean needsReplica() {
        true
    }

    Session session
    List<String> events = new ConcurrentLinkedQueue<String>() as List
    MigrationListener listener = new MigrationListener() {
        @Override
        void event(String table, String message) {
            events << "${table}: ${message}".toString()
        }
    }

    def setup() {
        def sql = primarySql()
        sql.execute('SET SESSION foreign_key_checks = 0')
        sql.rows("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", schema)*.t.each {
            sql.execute("DROP TABLE `${it}`".toString())
        }
        sql.execute('SET SESSION foreign_key_checks = 1')
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
        sql.execute('SET @rows = ?', 3000)
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/generate.sql'))
        session = Session.connect(db.primary().withDatabase(schema), db.replica())
    }

    def cleanup() {
        session?.close()
    }

    String checksum(String table, String cols) {
        primarySql().value("SELECT CONCAT(COUNT(*), ':', COALESCE(BIT_XOR(CRC32(CONCAT_WS('#', ${cols}))), 0)) FROM ${table}".toString())
    }

    String columnType(SqlClient sql, String table, String column) {
        sql.value('SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?',
                schema, table, column)
    }

    def "oscar plans the seed ALTER itself: drop the FK, migrate the child, the parent, check orphans, restore"() {
        when:
        Plan plan = session.planFor('baseitem', 'MODIFY id bigint NOT NULL AUTO_INCREMENT', MigrationOptions.defaults())

        then:
        plan.steps()*.describe().collect { it.replace(schema, 's') } == [
                "drop foreign key ${FK} on s.referringitem [baseitem_id] -> s.baseitem [id]",
                'migrate s.referringitem: MODIFY `baseitem_id` bigint NOT NULL',
                'migrate s.baseitem: MODIFY id bigint NOT NULL AUTO_INCREMENT',
                "check for rows of s.referringitem without a parent in s.baseitem (${FK})",
                "restore foreign key ${FK} on s.referringitem [baseitem_id] -> s.baseitem [id] ON DELETE RESTRICT ON UPDATE RESTRICT"]*.toString()
    }

    def "the seed scenario end to end under a writer: both columns bigint, FK back by name, no orphans, equal to a control"() {
        given:
        def sql = primarySql()
        sql.execute('CREATE TABLE control_base LIKE baseitem')
        sql.execute('INSERT INTO control_base SELECT * FROM baseitem')
        sql.execute('CREATE TABLE control_ref LIKE referringitem')
        sql.execute('INSERT INTO control_ref SELECT * FROM referringitem')
        def stop = new AtomicBoolean()
        def writes = new AtomicInteger()
        def errors = new ConcurrentLinkedQueue<Throwable>() as List
        def writer = Thread.start('fk-writer') {
            def c = new SqlClient(db.openPrimary(), 'writer')
            c.execute("USE `${schema}`")
            c.connection().autoCommit = false
            def rnd = ThreadLocalRandom.current()
            int next = 100_000
            while (!stop.get()) {
                int op = rnd.nextInt(3)
                int parent = rnd.nextInt(1, 3000)
                int child = rnd.nextInt(1, 3700)
                try {
                    if (op == 0) {
                        for (t in ['control_base', 'baseitem']) {
                            c.execute("INSERT INTO ${t} (id, created_on, updated_on, product_id) VALUES (?, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)".toString(), next)
                        }
                    } else if (op == 1) {
                        for (t in ['control_ref', 'referringitem']) {
                            c.execute("INSERT INTO ${t} (id, baseitem_id, created_on, updated_on, some_id) VALUES (?, ?, '2026-01-02 00:00:00', '2026-01-02 00:00:00', 2)".toString(), next, parent)
                        }
                    } else {
                        for (t in ['control_ref', 'referringitem']) {
                            c.execute("DELETE FROM ${t} WHERE id = ?".toString(), child)
                        }
                    }
                    c.connection().commit()
                    next++
                    writes.incrementAndGet()
                } catch (Throwable e) {
                    c.connection().rollback()
                    if (!(e.message =~ /Deadlock|Lock wait/)) {
                        errors << e
                    }
                }
                Thread.sleep(2)
            }
            c.close()
        }

        def originalChild = showCreate('referringitem')

        when:
        def plan = session.planFor('baseitem', 'MODIFY id bigint NOT NULL AUTO_INCREMENT', MigrationOptions.defaults().withChunkSize(500))
        session.runPlan(plan, listener, { true }).join(Duration.ofMinutes(5).toMillis())
        int during = writes.get()
        stop.set(true)
        writer.join()
        db.awaitReplica(Duration.ofSeconds(60))

        then:
        session.planFailure(plan.name()).isEmpty()
        errors.isEmpty()
        during > 50
        columnType(sql, 'baseitem', 'id') == 'bigint(20)'
        columnType(sql, 'referringitem', 'baseitem_id') == 'bigint(20)'
        columnType(replicaSql(), 'baseitem', 'id') == 'bigint(20)'
        columnType(replicaSql(), 'referringitem', 'baseitem_id') == 'bigint(20)'
        sql.firstRow('SELECT CONSTRAINT_NAME AS n, REFERENCED_TABLE_NAME AS p, DELETE_RULE AS d, UPDATE_RULE AS u FROM ' +
                'information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?', schema, 'referringitem') ==
                [n: FK, p: 'baseitem', d: 'RESTRICT', u: 'RESTRICT']
        sql.value('SELECT COUNT(*) FROM referringitem r LEFT JOIN baseitem b ON b.id = r.baseitem_id WHERE b.id IS NULL') == 0
        checksum('baseitem', 'id, created_on, updated_on, product_id') == checksum('control_base', 'id, created_on, updated_on, product_id')
        checksum('referringitem', 'id, baseitem_id, created_on, updated_on, some_id') == checksum('control_ref', 'id, baseitem_id, created_on, updated_on, some_id')
        events.any { it.contains("foreign key ${FK} restored after") }
        and: "SHOW CREATE TABLE of the child equals the original but for the type change"
        showCreate('referringitem') == originalChild.replace('`baseitem_id` int(11) NOT NULL', '`baseitem_id` bigint(20) NOT NULL')
    }

    String showCreate(String table) {
        (primarySql().firstRow("SHOW CREATE TABLE `${table}`".toString()).values() as List)[1].toString().replaceAll(/ AUTO_INCREMENT=\d+/, '')
    }

    def "an orphan created while the FK is dropped stops the plan before the FK is re-added, naming it"() {
        given:
        def fk = new ForeignKey(FK, new TableName(schema, 'referringitem'), ['baseitem_id'], new TableName(schema, 'baseitem'), ['id'], 'RESTRICT', 'RESTRICT')
        def plan = new Plan('orphan-test', '', [new Step.DropForeignKey(fk),
                new Step.RunSql("INSERT INTO `${schema}`.referringitem VALUES (999001, 777777, NOW(), NOW(), 1)".toString()),
                new Step.CheckOrphans(fk), new Step.RestoreForeignKey(fk)])

        when:
        session.runPlan(plan, listener, { true }).join(60_000)

        then:
        def failure = session.planFailure('orphan-test').get()
        failure.message.contains('step 3/4')
        failure.message.contains('777777')
        failure.message.contains("${FK} was not re-added")
        primarySql().value('SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', schema) == 0
    }

    def "a plan that fails at step 3 resumes at step 3 once the cause is removed"() {
        given:
        primarySql().execute('CREATE TABLE _referringitem_gho (x int)') // a leftover blocks the child's migration
        def plan = session.planFor('baseitem', 'MODIFY id bigint NOT NULL AUTO_INCREMENT', MigrationOptions.defaults())

        when:
        session.runPlan(plan, listener, { true }).join(120_000)

        then:
        session.planFailure(plan.name()).get().message.contains('step 2/5')

        when: 'the FK drop (step 1) is done; remove the leftover and run the same plan again'
        primarySql().execute('DROP TABLE _referringitem_gho')
        events.clear()
        session.runPlan(plan, listener, { true }).join(120_000)

        then:
        session.planFailure(plan.name()).isEmpty()
        events.any { it.contains('step 1/5') && it.contains('already done') }
        !events.any { it.contains('step 2/5') && it.contains('already done') }
        columnType(primarySql(), 'baseitem', 'id') == 'bigint(20)'
        primarySql().value('SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', schema) == 1
    }

    def "a three-level chain a <- b <- c, widened from the top: every level migrated, every key restored"() {
        given:
        def sql = primarySql()
        sql.execute('CREATE TABLE a (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, v int NOT NULL)')
        sql.execute('CREATE TABLE b (a_id int NOT NULL PRIMARY KEY, w int NOT NULL, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id))')
        sql.execute('CREATE TABLE c (id int NOT NULL PRIMARY KEY, b_a_id int NULL, KEY (b_a_id), CONSTRAINT fk_c_b FOREIGN KEY (b_a_id) REFERENCES b (a_id))')
        sql.execute('INSERT INTO a (id, v) SELECT seq, seq FROM seq_1_to_2000')
        sql.execute('INSERT INTO b SELECT seq, seq FROM seq_1_to_2000 WHERE seq % 2 = 0')
        sql.execute('INSERT INTO c SELECT seq, IF(seq % 7 = 0, NULL, (seq % 999 + 1) * 2) FROM seq_1_to_3000')
        def before = ['a', 'b', 'c'].collectEntries { [(it): showCreate(it)] }

        when:
        def plan = session.planFor('a', 'MODIFY id bigint NOT NULL AUTO_INCREMENT', MigrationOptions.defaults())
        session.runPlan(plan, listener, { true }).join(180_000)

        then:
        plan.steps()*.describe().collect { it.replace(schema + '.', '') }.findAll { it.startsWith('migrate') } == [
                'migrate c: MODIFY `b_a_id` bigint NULL', 'migrate b: MODIFY `a_id` bigint NOT NULL', 'migrate a: MODIFY id bigint NOT NULL AUTO_INCREMENT']
        session.planFailure(plan.name()).isEmpty()
        showCreate('a') == before.a.replace('`id` int(11) NOT NULL', '`id` bigint(20) NOT NULL')
        showCreate('b') == before.b.replace('`a_id` int(11) NOT NULL', '`a_id` bigint(20) NOT NULL')
        showCreate('c') == before.c.replace('`b_a_id` int(11) DEFAULT NULL', '`b_a_id` bigint(20) DEFAULT NULL')
        sql.value('SELECT COUNT(*) FROM c LEFT JOIN b ON b.a_id = c.b_a_id WHERE c.b_a_id IS NOT NULL AND b.a_id IS NULL') == 0
        sql.value('SELECT COUNT(*) FROM c') == 3000
    }

    def "foreign keys that cascade are refused: while dropped nothing would cascade"() {
        given:
        def sql = primarySql()
        sql.execute('ALTER TABLE referringitem DROP FOREIGN KEY baseitem_id_refs_id_2d6ba49a')
        sql.execute('ALTER TABLE referringitem ADD CONSTRAINT fk_cascade FOREIGN KEY (baseitem_id) REFERENCES baseitem (id) ON DELETE CASCADE')

        when:
        session.planFor('baseitem', 'MODIFY id bigint NOT NULL AUTO_INCREMENT', MigrationOptions.defaults())

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.PREFLIGHT_FAILED
        e.message.contains('fk_cascade')
        e.message.contains('nothing would cascade')
    }
}
