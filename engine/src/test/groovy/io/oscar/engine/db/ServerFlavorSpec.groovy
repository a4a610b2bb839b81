package io.oscar.engine.db

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import spock.lang.Specification

class ServerFlavorSpec extends Specification {

    def "reads #version / #comment as #label"() {
        when:
        def f = ServerFlavor.parse(version, comment)

        then:
        f.label() == label
        f.renameUnderLockTables() == renameUnderLock
        f.isolationVariable() == isolation
        f.gtidKind() == gtid
        f.supported()

        where:
        version                          | comment                          || label             | renameUnderLock | isolation               | gtid
        '10.11.6-MariaDB-0+deb12u1-log'  | 'Debian 12'                      || 'MariaDB 10.11.6' | false           | 'tx_isolation'          | ServerFlavor.GtidKind.MARIADB_DOMAIN
        '5.5.5-10.6.12-MariaDB'          | 'mariadb.org binary distribution'|| 'MariaDB 10.6.12' | false           | 'tx_isolation'          | ServerFlavor.GtidKind.MARIADB_DOMAIN
        '11.4.2-MariaDB'                 | 'MariaDB Server'                 || 'MariaDB 11.4.2'  | false           | 'transaction_isolation' | ServerFlavor.GtidKind.MARIADB_DOMAIN
        '8.4.3'                          | 'MySQL Community Server - GPL'   || 'MySQL 8.4.3'     | true            | 'transaction_isolation' | ServerFlavor.GtidKind.MYSQL_UUID
        '8.0.12'                         | 'MySQL Community Server - GPL'   || 'MySQL 8.0.12'    | false           | 'transaction_isolation' | ServerFlavor.GtidKind.MYSQL_UUID
        '8.0.36-28'                      | 'Percona Server (GPL)'           || 'MySQL 8.0.36'    | true            | 'transaction_isolation' | ServerFlavor.GtidKind.MYSQL_UUID
        '5.7.44-log'                     | 'MySQL Community Server (GPL)'   || 'MySQL 5.7.44'    | false           | 'transaction_isolation' | ServerFlavor.GtidKind.MYSQL_UUID
    }

    def "old servers are recognised but not supported"() {
        expect:
        !ServerFlavor.parse('5.6.51-log', 'MySQL Community Server (GPL)').supported()
        !ServerFlavor.parse('10.2.44-MariaDB', '').supported()
    }

    def "an unreadable version is refused with a clear error"() {
        when:
        ServerFlavor.parse('banana', null)

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.UNSUPPORTED_SERVER
        e.message.contains("'banana'")
    }
}
