package io.oscar.engine.db

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.testkit.DatabaseSpec

class ConnectorIT extends DatabaseSpec {

    def "connects and detects the server flavor"() {
        given:
        def spec = db.primary()

        when:
        def flavor = new Connector().open(spec).withCloseable { Connector.flavorOf(it, spec) }

        then:
        flavor.supported()
        flavor.kind() == db.flavor().kind()
    }

    def "a wrong password names user, host and port and says what to check"() {
        given:
        def spec = new ConnectionSpec(db.primary().host(), db.primary().port(), db.primary().user(), 'wrong-password', null)

        when:
        new Connector().open(spec)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.ACCESS_DENIED
        e.message.contains(spec.describe())
        e.message.contains('--password')
        !e.message.contains('wrong-password')
    }

    def "a port nobody listens on is a connect failure naming it"() {
        given:
        def port = new ServerSocket(0).withCloseable { it.localPort }
        def spec = new ConnectionSpec('127.0.0.1', port, 'oscar', 'x', null)

        when:
        new Connector(2_000).open(spec)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CONNECT_FAILED
        e.message.contains("127.0.0.1:${port}")
        e.message.contains('--port')
    }
}
