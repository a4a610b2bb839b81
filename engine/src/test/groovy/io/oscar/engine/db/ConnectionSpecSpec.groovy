package io.oscar.engine.db

import io.oscar.engine.api.OscarException
import spock.lang.Specification

class ConnectionSpecSpec extends Specification {

    def "parses #url"() {
        when:
        def spec = ConnectionSpec.fromJdbcUrl(url)

        then:
        spec.host() == host
        spec.port() == port
        spec.user() == user
        spec.password() == password
        spec.database() == database

        where:
        url                                                         || host        | port | user    | password  | database
        'jdbc:mysql://127.0.0.1:3307/?user=oscar&password=oscar'    || '127.0.0.1' | 3307 | 'oscar' | 'oscar'   | null
        'jdbc:mysql://db1/try_osc?user=app&password=p%26w%3Dd'      || 'db1'       | 3306 | 'app'   | 'p&w=d'   | 'try_osc'
        'jdbc:mysql://[::1]:3308/'                                  || '::1'       | 3308 | 'root'  | ''        | null
    }

    def "never shows the password"() {
        given:
        def spec = ConnectionSpec.fromJdbcUrl('jdbc:mysql://h:1/?user=u&password=s3cret')

        expect:
        !spec.toString().contains('s3cret')
        !spec.describe().contains('s3cret')
        !spec.jdbcUrl().contains('s3cret')
        spec.describe() == 'u@h:1'
    }

    def "a malformed URL is refused without echoing its password"() {
        when:
        ConnectionSpec.fromJdbcUrl('mysql://h/?password=s3cret')

        then:
        def e = thrown(OscarException)
        !e.message.contains('s3cret')
        e.message.contains('jdbc:mysql://')
    }

    def "host:port as operators type it: #text"() {
        expect:
        HostPort.parse(text, 3306) == new HostPort(host, port)

        where:
        text             || host        | port
        '127.0.0.1:3308' || '127.0.0.1' | 3308
        'replica1'       || 'replica1'  | 3306
        '[::1]:3310'     || '::1'       | 3310
    }

    def "a bad port says which"() {
        when:
        HostPort.parse('db:33o7', 3306)

        then:
        def e = thrown(OscarException)
        e.message.contains("'33o7'")
    }
}
