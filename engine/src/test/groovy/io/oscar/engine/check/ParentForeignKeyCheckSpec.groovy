package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class ParentForeignKeyCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new ParentForeignKeyCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'parent-foreign-keys'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'nobody references it'            | [:]                                                                       || PASS   | 'no foreign key references'
        'seed: referenced column widened' | [table: referenced(), alter: 'MODIFY id bigint NOT NULL AUTO_INCREMENT'] || FAIL   | 'needs the multi-table plan'
        'referenced, column untouched'    | [table: referenced()]                                                     || FAIL   | 'does not re-point parent-side foreign keys yet'
    }
}
