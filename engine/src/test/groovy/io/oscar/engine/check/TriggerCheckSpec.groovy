package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class TriggerCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new TriggerCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'triggers'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'none'                            | [:]                                                                       || PASS   | 'no triggers'
        'an insert trigger'               | [table: withTrigger()]                                                    || FAIL   | 'audit_ins'
    }
}
