package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class DroppedColumnsCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new DroppedColumnsCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'dropped-columns'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'none'                            | [:]                                                                       || PASS   | 'no column dropped'
        'DROP COLUMN label'               | [alter: 'DROP COLUMN label']                                              || FAIL   | 'drops label'
        'approved'                        | [alter: 'DROP COLUMN label',
                                                                      options: MigrationOptions.defaults().withApproveDataLoss(true)]          || WARN   | '(approved)'
    }
}
