package io.oscar.engine.api

import io.oscar.engine.check.CheckResult
import io.oscar.engine.inspect.AlterAlgorithm
import io.oscar.engine.plan.MigrationOptions
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.ProjectDir
import io.oscar.testkit.SqlScript

/** Session.prepare against the seed's schema on the real primary+replica. */
class SessionPrepareIT extends DatabaseSpec {
    @Override
    boolean needsReplica() {
        true
    }

    Session session

    def setup() {
        def sql = primarySql()
        ['grandchild', 'referringitem', 'baseitem', '_referringitem_gho', 'audited'].each { sql.execute("DROP TABLE IF EXISTS ${it}".toString()) }
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/schema.sql'))
        SqlScript.run(sql, ProjectDir.resolve('examples/try_osc/data.sql'))
        session = Session.connect(db.primary().withDatabase(schema), db.replica())
    }

    def cleanup() {
        session?.close()
    }

    CheckResult check(def plan, String name) {
        plan.checks().find { it.check() == name }
    }

    def "the seed ALTER: blocked, naming the child FK and its grandchild, with every check run"() {
        given:
        primarySql().execute('CREATE TABLE grandchild (id int PRIMARY KEY, ref_base int NOT NULL, KEY (ref_base), ' +
                'CONSTRAINT fk_grand FOREIGN KEY (ref_base) REFERENCES referringitem (baseitem_id))')

        when:
        def plan = session.prepare('baseitem', 'MODIFY id bigint NOT NULL AUTO_INCREMENT', MigrationOptions.defaults())

        then:
        !plan.runnable()
        plan.failures()*.check() == ['parent-foreign-keys']
        check(plan, 'parent-foreign-keys').message().contains('baseitem_id_refs_id_2d6ba49a')
        plan.childForeignKeys()*.name() == ['baseitem_id_refs_id_2d6ba49a', 'fk_grand']
        plan.algorithm().kind() == AlterAlgorithm.Kind.COPY
        plan.sharedKey().chosen().oldColumns() == ['id']
        plan.checks().size() == 12
        check(plan, 'replication').status() == CheckResult.Status.PASS
    }

    def "pointed at the replica as if it were the primary: refused, naming the real primary"() {
        given: 'the schema and its tables have replicated'
        def replicaSession = Session.connect(db.replica().withDatabase(schema), null)
        long deadline = System.nanoTime() + 30_000_000_000L
        while (replicaSql().value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem'", schema) == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(50)
        }

        when:
        def plan = replicaSession.prepare('referringitem', 'ADD COLUMN note varchar(20) NULL', MigrationOptions.defaults())

        then:
        !plan.runnable()
        plan.failures()*.check() == ['replication']
        check(plan, 'replication').message().contains('the server given as the primary replicates from')
        check(plan, 'replication').message().contains(':' + db.primary().port())

        cleanup:
        replicaSession?.close()
    }

    def "an ALTER the server can do instantly is offered as such, and runnable"() {
        when:
        def plan = session.prepare("${schema}.referringitem", "ADD COLUMN note varchar(20) NOT NULL DEFAULT 'n/a'", MigrationOptions.defaults())

        then:
        plan.runnable()
        plan.algorithm().kind() == AlterAlgorithm.Kind.INSTANT
        plan.instantAlternative().endsWith("ADD COLUMN note varchar(20) NOT NULL DEFAULT 'n/a', ALGORITHM=INSTANT")
        plan.steps().size() == 1
        and: 'planning changed nothing'
        primarySql().value("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'referringitem' AND COLUMN_NAME = 'note'", schema) == 0
        primarySql().value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE '\\_%'", schema) == 0
    }

    def "a ghost table left by an earlier run and a trigger both block, saying what to do"() {
        given:
        primarySql().execute('CREATE TABLE _referringitem_gho LIKE referringitem')
        primarySql().execute('CREATE TABLE audited (id int PRIMARY KEY, n int NOT NULL)')
        primarySql().execute('CREATE TRIGGER audited_ins BEFORE INSERT ON audited FOR EACH ROW SET NEW.n = NEW.n + 1')

        when:
        def leftover = session.prepare('referringitem', 'ADD COLUMN x int', MigrationOptions.defaults())
        def triggered = session.prepare('audited', 'ADD COLUMN x int', MigrationOptions.defaults())

        then:
        check(leftover, 'leftover-tables').status() == CheckResult.Status.FAIL
        check(leftover, 'leftover-tables').message().contains("DROP TABLE `${schema}`.`_referringitem_gho`")
        check(triggered, 'triggers').status() == CheckResult.Status.FAIL
        check(triggered, 'triggers').message().contains('audited_ins')
    }

    def "bad input is refused with the parser's or the server's words"() {
        when:
        session.prepare(table, alter, MigrationOptions.defaults())

        then:
        def e = thrown(OscarException)
        e.code() == code
        e.message.contains(message)

        where:
        table        | alter                       || code                      | message
        'baseitem'   | 'MODIFY id bigint banana(' || ErrorCode.INVALID_ALTER    | 'baseitem'
        'nosuch'     | 'ADD COLUMN x int'          || ErrorCode.TABLE_NOT_FOUND  | 'nosuch'
        'baseitem'   | 'DROP COLUMN nosuchcol'     || ErrorCode.INVALID_ALTER    | 'nosuchcol'
    }
}
