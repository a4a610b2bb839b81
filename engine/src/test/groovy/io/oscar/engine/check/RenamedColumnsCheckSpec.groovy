package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class RenamedColumnsCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new RenamedColumnsCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'renamed-columns'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'none'                            | [:]                                                                       || PASS   | 'no column renamed'
        'CHANGE label title'              | [alter: 'CHANGE label title varchar(40)']                                 || FAIL   | 'label -> title; if that is intended, run again with --approve-renames'
        'approved'                        | [alter: 'CHANGE label title varchar(40)',
                                                                      options: MigrationOptions.defaults().withApproveRenames(true)]           || WARN   | '(approved)'
    }
}
