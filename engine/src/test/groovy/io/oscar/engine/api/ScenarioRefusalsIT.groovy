package io.oscar.engine.api

import io.oscar.engine.check.CheckResult
import io.oscar.testkit.DatabaseSpec
import io.oscar.testkit.SqlScript

import java.nio.file.Path
import java.nio.file.Paths

/** Every scenarios/refuse-* folder (with its options.txt, if any): the plan is blocked by the expected check, with a clear message. */
class ScenarioRefusalsIT extends DatabaseSpec {

    static List<String> scenarios() {
        def root = Paths.get(ScenarioRefusalsIT.getResource('/scenarios').toURI())
        root.toFile().listFiles().findAll { it.directory && it.name.startsWith('refuse-') }*.name.sort()
    }

    static Path folder(String name) {
        Paths.get(ScenarioRefusalsIT.getResource("/scenarios/${name}").toURI())
    }

    def "scenario #name is refused by #expected[0]"() {
        given:
        def sql = primarySql()
        sql.execute('DROP TABLE IF EXISTS t')
        SqlScript.run(sql, folder(name).resolve('create.sql'))
        def alter = folder(name).resolve('alter.sql').toFile().text.strip()
        def session = Session.connect(db.primary().withDatabase(schema), null)

        when:
        def plan = session.prepare('t', alter, io.oscar.engine.migrate.ScenarioMigrationIT.options(folder(name)))
        def failed = plan.failures()

        then:
        !plan.runnable()
        failed*.check() == [expected[0]]
        failed[0].message().contains(expected[1])
        failed[0].message().contains('two steps') || failed[0].message().contains('first')
        plan.steps().isEmpty()
        and: 'nothing was created on the server'
        sql.value("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> 't'", schema) == 0

        cleanup:
        session?.close()

        where:
        name << scenarios()
        expected = folder(name).resolve('expect-failure.txt').toFile().readLines()
    }
}
