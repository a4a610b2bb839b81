package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class ChildForeignKeyCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new ChildForeignKeyCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'child-foreign-keys'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'declares none'                   | [:]                                                                       || PASS   | 'declares no foreign keys'
        'declares one'                    | [table: referringitem()]                                                  || WARN   | 'fk_base'
        'declares a cascading one'        | [table: cascadingChild()]                                                 || FAIL   | 'does not write cascaded changes to the binlog'
    }
}
