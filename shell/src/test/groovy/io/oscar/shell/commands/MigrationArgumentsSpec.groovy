package io.oscar.shell.commands

import io.oscar.engine.plan.CutoverMode
import spock.lang.Specification

class MigrationArgumentsSpec extends Specification {

    def "table, ALTER text kept as typed, options before or after: #raw"() {
        when:
        def a = MigrationArguments.parse(raw)

        then:
        a.table() == table
        a.alter() == alter
        a.options().chunkSize() == chunk
        a.json() == json

        where:
        raw                                                                          || table              | alter                                                 | chunk | json
        'try_osc.baseitem MODIFY id bigint NOT NULL AUTO_INCREMENT'                  || 'try_osc.baseitem' | 'MODIFY id bigint NOT NULL AUTO_INCREMENT'            | 1000  | false
        "--json t ADD COLUMN c varchar(9) NOT NULL DEFAULT 'a  b'"                   || 't'                | "ADD COLUMN c varchar(9) NOT NULL DEFAULT 'a  b'"     | 1000  | true
        "t ADD COLUMN c int --chunk-size=250 --json"                                 || 't'                | 'ADD COLUMN c int'                                    | 250   | true
        "--chunk-size=2000 t   DROP KEY k,   ADD KEY k (a, b)   --json"              || 't'                | 'DROP KEY k,   ADD KEY k (a, b)'                      | 2000  | true
        "t ADD COLUMN c int --yes --chunk-size 250 --json"                           || 't'                | 'ADD COLUMN c int'                                    | 250   | true
        "--chunk-size 300 --json t ADD COLUMN c int DEFAULT 5"                       || 't'                | 'ADD COLUMN c int DEFAULT 5'                          | 300   | true
    }

    def "every option reaches the migration options"() {
        when:
        def o = MigrationArguments.parse('t ADD COLUMN c int --postpone-cutover --no-verify --drop-old-table ' +
                '--allow-nullable-unique-key --approve-renames --approve-data-loss --max-lag-ms=900 ' +
                '--max-load=Threads_running=30 --critical-load=Threads_running=200 --nice-ratio=0.5 --copy-threads=4 --yes')

        then:
        with(o.options()) {
            cutover() == CutoverMode.MANUAL
            !verify()
            dropOldTable()
            allowNullableUniqueKey()
            approveRenames()
            approveDataLoss()
            maxLagMs() == 900
            maxLoad() == [Threads_running: 30L]
            criticalLoad() == [Threads_running: 200L]
            niceRatio() == 0.5d
            copyThreads() == 4
        }
        o.yes()
        MigrationArguments.parse('t ADD COLUMN c int --full-verify').options().fullVerify()
    }

    def "bad arguments: #raw"() {
        when:
        MigrationArguments.parse(raw)

        then:
        def e = thrown(UsageException)
        e.message.contains(message)

        where:
        raw                                  || message
        'onlyatable'                         || 'expected a table and an ALTER'
        '--frobnicate t ADD COLUMN c int'    || 'unknown option --frobnicate'
        't ADD COLUMN c int --chunk-size=x'  || '--chunk-size needs a whole number'
        't ADD COLUMN c int --chunk-size x'  || '--chunk-size needs a whole number'
        't ADD COLUMN c int --yes, ADD d int' || 'option --yes stands inside the ALTER text'
    }
}
