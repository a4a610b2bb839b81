package io.oscar.scripts

import io.oscar.engine.api.OscarException
import io.oscar.engine.plan.CutoverMode
import io.oscar.engine.plan.MigrationOptions
import io.oscar.engine.plan.Step
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

import static io.oscar.scripts.FakeSchemaView.*

class PlanLoaderSpec extends Specification {
    @TempDir
    Path dir

    static final String WIDEN = '''\
description "Widen baseitem.id to bigint"
def fks = foreignKeysReferencing("try_osc.baseitem")
fks.each { dropForeignKey it }
migrate("try_osc.referringitem") { alter "MODIFY baseitem_id bigint NOT NULL"; chunkSize 2000 }
migrate("try_osc.baseitem")      { alter "MODIFY id bigint NOT NULL AUTO_INCREMENT"; cutover MANUAL }
fks.each { checkOrphans it; restoreForeignKey it }
pause "check the application before the old tables are dropped"
sql "ANALYZE TABLE try_osc.baseitem"
'''

    Path write(String name, String source) {
        def file = dir.resolve(name)
        file.toFile().text = source
        file
    }

    def "each statement records one step, in order, with its options"() {
        when:
        def plan = PlanLoader.load(write('widen.groovy', WIDEN), FakeSchemaView.examples())

        then:
        plan.name() == 'widen'
        plan.description() == 'Widen baseitem.id to bigint'
        plan.steps() == [
                new Step.DropForeignKey(REF_BASE),
                new Step.MigrateTable(REF, 'MODIFY baseitem_id bigint NOT NULL', MigrationOptions.defaults().withChunkSize(2000)),
                new Step.MigrateTable(BASE, 'MODIFY id bigint NOT NULL AUTO_INCREMENT',
                        MigrationOptions.defaults().withCutover(CutoverMode.MANUAL)),
                new Step.CheckOrphans(REF_BASE),
                new Step.RestoreForeignKey(REF_BASE),
                new Step.Pause('check the application before the old tables are dropped'),
                new Step.RunSql('ANALYZE TABLE try_osc.baseitem'),
        ]
    }

    def "the plan's hash is the same for two loads of one file, and changes with a step"() {
        given:
        def file = write('widen.groovy', WIDEN)

        expect:
        PlanLoader.load(file, examples()).hash() == PlanLoader.load(file, examples()).hash()
        PlanLoader.load(file, examples()).hash() !=
                PlanLoader.load(write('other.groovy', WIDEN.replace('chunkSize 2000', 'cutover MANUAL')), examples()).hash()
    }

    def "loading only asks the view questions: no writes are in reach"() {
        given:
        def view = Mock(SchemaView)

        when:
        PlanLoader.load(write('widen.groovy', WIDEN), view)

        then:
        1 * view.referencing(BASE) >> [REF_BASE]
        0 * _
    }

    def "the fake records only reads, in the script's order"() {
        given:
        def view = examples()

        when:
        PlanLoader.load(write('reads.groovy', '''
            schema "try_osc"
            foreignKeysOf("referringitem").each { dropForeignKey it }
            foreignKey("referringitem", "baseitem_id_refs_id_2d6ba49a")
            foreignKeysReferencing("baseitem").each { restoreForeignKey it }
        '''), view)

        then:
        view.questions == ['declaredBy try_osc.referringitem', 'declaredBy try_osc.referringitem', 'referencing try_osc.baseitem']
    }

    def "schema names the schema of unqualified tables, from that statement on"() {
        when:
        def plan = PlanLoader.load(write('schema.groovy', '''
            migrate("other.t1", "ADD COLUMN x int")
            schema "try_osc"
            migrate("baseitem", "ADD COLUMN x int")
            migrate("`my.db`.t2") { alter "ADD COLUMN y int" }
            foreignKeysReferencing("baseitem").each { dropForeignKey it }
        '''), examples())

        then:
        plan.steps()*.describe() == [
                'migrate other.t1: ADD COLUMN x int',
                'migrate try_osc.baseitem: ADD COLUMN x int',
                'migrate my.db.t2: ADD COLUMN y int',
                new Step.DropForeignKey(REF_BASE).describe(),
        ]
    }

    def "option #option"() {
        when:
        def plan = PlanLoader.load(write('opt.groovy', "migrate('s.t') { alter 'ADD COLUMN x int'; $option }"), examples())

        then:
        plan.steps() == [new Step.MigrateTable(new io.oscar.engine.schema.TableName('s', 't'), 'ADD COLUMN x int', expected)]

        where:
        option                                  || expected
        'chunkSize 2000'                        || MigrationOptions.defaults().withChunkSize(2000)
        'maxLagMs 3000'                         || MigrationOptions.defaults().withMaxLagMs(3000)
        'cutover MANUAL'                        || MigrationOptions.defaults().withCutover(CutoverMode.MANUAL)
        'cutover AUTO'                          || MigrationOptions.defaults()
        'cutover "manual"'                      || MigrationOptions.defaults().withCutover(CutoverMode.MANUAL)
        'verify false'                          || MigrationOptions.defaults().withVerify(false)
        'dropOldTable true'                     || MigrationOptions.defaults().withDropOldTable(true)
        'niceRatio 0.5'                         || MigrationOptions.defaults().withNiceRatio(0.5)
        'niceRatio 2'                           || MigrationOptions.defaults().withNiceRatio(2)
        'maxLoad "Threads_running=25"'          || MigrationOptions.defaults().withMaxLoad([Threads_running: 25L])
        'maxLoad Threads_running: 25'           || MigrationOptions.defaults().withMaxLoad([Threads_running: 25L])
        'criticalLoad "Threads_running=200"'    || MigrationOptions.defaults().withCriticalLoad([Threads_running: 200L])
        'approveRenames true'                   || MigrationOptions.defaults().withApproveRenames(true)
        'approveRenames()'                      || MigrationOptions.defaults().withApproveRenames(true)
        'approveDataLoss true'                  || MigrationOptions.defaults().withApproveDataLoss(true)
        'allowNullableUniqueKey true'           || MigrationOptions.defaults().withAllowNullableUniqueKey(true)
        'def n = 4; chunkSize n * 500'          || MigrationOptions.defaults().withChunkSize(2000)
    }

    def "binding variables of the script stay readable inside a migrate block"() {
        when:
        def plan = PlanLoader.load(write('vars.groovy', '''
            size = 3000
            migrate("s.t") { alter "ADD COLUMN x int"; chunkSize size }
        '''), examples())

        then:
        plan.steps()[0].options().chunkSize() == 3000
    }

    def "a file name with dots, spaces or a leading digit still names the plan and its error lines: #name"() {
        when:
        def plan = PlanLoader.load(write(name, 'sql "SELECT 1"\n'), examples())
        PlanLoader.load(write(name, 'sql "SELECT 1"\nmigrate("s.t") { chunkSize 100 }\n'), examples())

        then:
        plan.name() == name - '.groovy'
        def e = thrown(OscarException)
        e.message.startsWith(name + ':2: ')

        where:
        name << ['v1.2-widen.groovy', 'my plan.groovy', '2024-05 widen.groovy', 'plan']
    }

    def "a plan that records nothing, or a file that is not there, is refused"() {
        when:
        PlanLoader.load(write('empty.groovy', 'description "nothing"\n'), examples())

        then:
        def e = thrown(OscarException)
        e.message == 'empty.groovy: the plan records no steps; add migrate, sql, pause or foreign key steps'

        when:
        PlanLoader.load(dir.resolve('missing.groovy'), examples())

        then:
        e = thrown(OscarException)
        e.message.startsWith('plan file ')
        e.message.endsWith('missing.groovy does not exist')
    }
}
