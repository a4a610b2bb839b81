package io.oscar.engine.inspect

import spock.lang.Specification

/** Global privileges out of SHOW GRANTS lines from MariaDB and MySQL. */
class GrantParserSpec extends Specification {

    def "MariaDB: the global line counts, schema grants and PUBLIC schema grants do not"() {
        given:
        def lines = [
                "GRANT SELECT, INSERT, RELOAD, REPLICATION SLAVE, BINLOG MONITOR, SLAVE MONITOR ON *.* TO `oscar`@`127.0.0.1` IDENTIFIED BY PASSWORD '*797F'",
                "GRANT SELECT, INSERT, DELETE HISTORY ON `test`.* TO PUBLIC",
                "GRANT ALL PRIVILEGES ON `app`.* TO `oscar`@`127.0.0.1`"]

        expect:
        GrantParser.globalPrivileges(lines) == ['BINLOG MONITOR', 'INSERT', 'RELOAD', 'REPLICATION SLAVE', 'SELECT', 'SLAVE MONITOR'] as Set
    }

    def "ALL PRIVILEGES stays one flag; WITH GRANT OPTION adds GRANT OPTION; USAGE is nothing"() {
        expect:
        GrantParser.globalPrivileges([line]) == expected as Set

        where:
        line                                                                        || expected
        "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"       || [Inspector.ALL_PRIVILEGES, Inspector.GRANT_OPTION]
        "GRANT ALL ON *.* TO 'u'@'%'"                                               || [Inspector.ALL_PRIVILEGES]
        "GRANT USAGE ON *.* TO `nobody`@`%`"                                        || []
        "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION"             || []
        "GRANT `app_role`@`%` TO `oscar`@`%`"                                       || []
        "GRANT SELECT (a, b) ON `s`.`t` TO `oscar`@`%`"                             || []
        "GRANT BACKUP_ADMIN,REPLICATION_SLAVE_ADMIN ON *.* TO `oscar`@`%`"          || ['BACKUP_ADMIN', 'REPLICATION_SLAVE_ADMIN']
        "grant replication  client on *.* to oscar@'%'"                             || ['REPLICATION CLIENT']
    }
}
