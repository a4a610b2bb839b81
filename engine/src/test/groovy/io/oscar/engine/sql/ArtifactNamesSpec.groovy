package io.oscar.engine.sql

import io.oscar.engine.schema.TableName
import spock.lang.Specification

class ArtifactNamesSpec extends Specification {

    def "gh-ost's names for an ordinary table"() {
        when:
        def n = ArtifactNames.of(new TableName('try_osc', 'baseitem'))

        then:
        n.ghost().toString() == 'try_osc._baseitem_gho'
        n.changelog().toString() == 'try_osc._baseitem_ghc'
        n.old().toString() == 'try_osc._baseitem_del'
        n.probe().toString() == 'try_osc._baseitem_osc_probe'
        !n.shortened()
    }

    def "a table name of #length characters gives artifact names of at most 64"() {
        given:
        def t = new TableName('s', 'x' * length)

        when:
        def n = ArtifactNames.of(t)

        then:
        n.all().every { it.table().length() <= 64 }
        n.shortened() == shortened
        n.ghost().table().endsWith('_gho')

        where:
        length || shortened
        53     || false
        54     || true
        64     || true
    }

    def "two long names that share a prefix do not collide, and the same name gives the same artifacts"() {
        given:
        def a = new TableName('s', 'a' * 60 + '1')
        def b = new TableName('s', 'a' * 60 + '2')

        expect:
        ArtifactNames.of(a).ghost() != ArtifactNames.of(b).ghost()
        ArtifactNames.of(a) == ArtifactNames.of(a)
    }
}
