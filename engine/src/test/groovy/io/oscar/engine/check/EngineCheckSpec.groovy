package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class EngineCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new EngineCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'engine'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'InnoDB'                          | [:]                                                                       || PASS   | 'InnoDB'
        'MyISAM'                          | [table: myisam()]                                                         || FAIL   | 'ENGINE=InnoDB first'
    }
}
