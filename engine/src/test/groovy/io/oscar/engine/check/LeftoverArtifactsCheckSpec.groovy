package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class LeftoverArtifactsCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new LeftoverArtifactsCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'leftover-tables'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'clean schema'                    | [:]                                                                       || PASS   | 'no tables left'
        'ghost and old left over'         | [tables: ['baseitem', '_baseitem_gho', '_baseitem_del']]                  || FAIL   | 'DROP TABLE `shop`.`_baseitem_gho`, `shop`.`_baseitem_del`'
    }
}
