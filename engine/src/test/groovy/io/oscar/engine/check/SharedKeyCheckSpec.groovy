package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class SharedKeyCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new SharedKeyCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'shared-key'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'primary key kept'                | [:]                                                                       || PASS   | 'PRIMARY (id)'
        'seed: id widened'                | [alter: 'MODIFY id bigint NOT NULL AUTO_INCREMENT']                       || PASS   | 'PRIMARY (id)'
        'no key left'                     | [table: someTable(), alter: 'DROP PRIMARY KEY, DROP KEY name_uidx, MODIFY id int NOT NULL'] || FAIL | 'share no NOT NULL unique key'
    }
}
