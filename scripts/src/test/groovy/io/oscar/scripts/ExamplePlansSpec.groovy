package io.oscar.scripts

import io.oscar.engine.plan.CutoverMode
import io.oscar.engine.plan.MigrationOptions
import io.oscar.engine.plan.Plan
import io.oscar.engine.plan.Step
import io.oscar.testkit.ProjectDir
import spock.lang.Specification

import java.nio.file.Files

import static io.oscar.scripts.FakeSchemaView.*

/** Every file in examples/plans loads against the try_osc and chain schemas, into the steps below. */
class ExamplePlansSpec extends Specification {

    static final MigrationOptions DEFAULTS = MigrationOptions.defaults()

    static final Map<String, List<Step>> EXPECTED = [
            'widen-baseitem-id': [
                    new Step.DropForeignKey(REF_BASE),
                    new Step.MigrateTable(REF, 'MODIFY baseitem_id bigint NOT NULL', DEFAULTS.withChunkSize(2000)),
                    new Step.MigrateTable(BASE, 'MODIFY id bigint NOT NULL AUTO_INCREMENT',
                            DEFAULTS.withMaxLoad([Threads_running: 25L]).withCutover(CutoverMode.MANUAL)),
                    new Step.CheckOrphans(REF_BASE),
                    new Step.RestoreForeignKey(REF_BASE),
            ],
            'add-index-child'  : [
                    new Step.MigrateTable(REF, 'ADD INDEX referringitem_some_id (some_id)', DEFAULTS.withChunkSize(5000)
                            .withNiceRatio(0.5).withMaxLoad([Threads_running: 25L]).withCriticalLoad([Threads_running: 200L])),
                    new Step.RunSql('ANALYZE TABLE try_osc.referringitem'),
            ],
            'three-level-chain': [
                    new Step.DropForeignKey(C_B),
                    new Step.DropForeignKey(B_A),
                    new Step.MigrateTable(C, 'MODIFY b_id bigint NOT NULL', DEFAULTS),
                    new Step.MigrateTable(B, 'MODIFY id bigint NOT NULL AUTO_INCREMENT, MODIFY a_id bigint NOT NULL', DEFAULTS),
                    new Step.MigrateTable(A, 'MODIFY id bigint NOT NULL AUTO_INCREMENT', DEFAULTS.withCutover(CutoverMode.MANUAL)),
                    new Step.CheckOrphans(B_A),
                    new Step.RestoreForeignKey(B_A),
                    new Step.CheckOrphans(C_B),
                    new Step.RestoreForeignKey(C_B),
                    new Step.Pause('check the application before the old tables are dropped'),
            ],
    ]

    static List<String> exampleFiles() {
        Files.list(ProjectDir.resolve('examples/plans')).withCloseable { files ->
            files.map { it.fileName.toString() }.filter { it.endsWith('.groovy') }.sorted().toList()
        }
    }

    def "every example has expected steps here, and every expectation has its file"() {
        expect:
        exampleFiles()*.replace('.groovy', '') as Set == EXPECTED.keySet()
    }

    def "#file loads into its steps, with a description"() {
        when:
        Plan plan = PlanLoader.load(ProjectDir.resolve('examples/plans').resolve(file), examples())

        then:
        plan.name() == file - '.groovy'
        !plan.description().isBlank()
        plan.steps() == EXPECTED[plan.name()]

        where:
        file << exampleFiles()
    }
}
