package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import io.oscar.engine.schema.TableName
import io.oscar.engine.schema.TableSchema
import spock.lang.Specification

import static io.oscar.engine.alter.Tables.*
import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.SchemaFixtures.*

class NameLengthCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new NameLengthCheck().run(Contexts.of(ctx))

        then:
        r.check() == 'name-length'
        r.status() == status
        r.message().contains(message)

        where:
        what | ctx || status | message
        'short name'                      | [:]                                                                       || PASS   | '_baseitem_gho'
    }

    def "a table name too long for its artifacts is shortened, and the check says to what"() {
        given:
        def t = baseitem()
        def longName = new TableSchema(new TableName(SCHEMA, 'x' * 60), t.engine(), t.charset(), t.collation(), t.columns(),
                t.indexes(), [], [], [], 20, 16384, false)

        when:
        def r = new NameLengthCheck().run(Contexts.of(table: longName, tables: ['x' * 60]))

        then:
        r.status() == WARN
        r.message().contains('64 characters')
    }
}
