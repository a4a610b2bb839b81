package io.oscar.engine.plan

import io.oscar.engine.api.OscarException
import io.oscar.engine.schema.ForeignKey
import io.oscar.engine.schema.TableName
import spock.lang.Specification

class MigrationOptionsSpec extends Specification {

    def "safe defaults"() {
        expect:
        with(MigrationOptions.defaults()) {
            verify()
            !dropOldTable()
            cutover() == CutoverMode.AUTO
            maxLagMs() == 1500
            !approveDataLoss()
            !allowNullableUniqueKey()
            copyThreads() == 1
            !fullVerify()
        }
    }

    def "thresholds: #text"() {
        expect:
        MigrationOptions.parseThresholds(text) == expected

        where:
        text                                         || expected
        'Threads_running=25'                         || [Threads_running: 25L]
        ' Threads_running=25 , Threads_connected=9 ' || [Threads_running: 25L, Threads_connected: 9L]
        ''                                           || [:]
    }

    def "a bad threshold says what is expected: #text"() {
        when:
        MigrationOptions.parseThresholds(text)

        then:
        def e = thrown(OscarException)
        e.message.contains(message)

        where:
        text                  || message
        'Threads_running'     || 'VARIABLE=NUMBER'
        'Threads_running=lots'|| "not a whole number: 'lots'"
    }

    def "out-of-range knobs are refused: #what"() {
        when:
        change(MigrationOptions.defaults())

        then:
        def e = thrown(OscarException)
        e.message.contains(what)

        where:
        what          | change
        'chunk-size'  | { MigrationOptions o -> o.withChunkSize(1) }
        'chunk-size'  | { MigrationOptions o -> o.withChunkSize(1_000_000) }
        'max-lag-ms'  | { MigrationOptions o -> o.withMaxLagMs(5) }
        'nice-ratio'  | { MigrationOptions o -> o.withNiceRatio(-1) }
        'copy-threads' | { MigrationOptions o -> o.withCopyThreads(0) }
        'copy-threads' | { MigrationOptions o -> o.withCopyThreads(17) }
    }

    def "a plan's hash follows its steps"() {
        given:
        def t = new TableName('try_osc', 'baseitem')
        def fk = new ForeignKey('fk1', new TableName('try_osc', 'referringitem'), ['baseitem_id'], t, ['id'], 'RESTRICT', 'RESTRICT')
        def steps = [new Step.DropForeignKey(fk), new Step.MigrateTable(t, 'MODIFY id bigint NOT NULL', MigrationOptions.defaults())]

        expect:
        new Plan('p', '', steps).hash() == new Plan('other name', 'x', steps).hash()
        new Plan('p', '', steps).hash() != new Plan('p', '', steps.reverse()).hash()
        new Plan('p', '', steps).hash() != new Plan('p', '', steps + [new Step.CheckOrphans(fk)]).hash()
    }
}
