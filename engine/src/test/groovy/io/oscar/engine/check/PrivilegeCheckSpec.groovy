package io.oscar.engine.check

import io.oscar.engine.inspect.Inspector
import spock.lang.Specification

import static io.oscar.engine.check.CheckResult.Status.*

class PrivilegeCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new PrivilegeCheck().run(Contexts.of(ctx))

        then:
        r.status() == status
        r.message().contains(message)

        where:
        what                              | ctx                                                                                        || status | message
        'everything'                      | [:]                                                                                        || PASS   | 'every privilege'
        'ALL PRIVILEGES'                  | [privileges: [Inspector.ALL_PRIVILEGES]]                                                   || PASS   | 'ALL'
        'no replication'                  | [privileges: PrivilegeCheck.COMMON - ['REPLICATION SLAVE'] + ['BINLOG MONITOR']]           || FAIL   | 'GRANT REPLICATION SLAVE ON *.*'
        'MariaDB without BINLOG MONITOR'  | [privileges: PrivilegeCheck.COMMON]                                                        || FAIL   | 'BINLOG MONITOR'
        'MySQL needs REPLICATION CLIENT'  | [flavor: Contexts.MYSQL, privileges: PrivilegeCheck.COMMON]                                || FAIL   | 'REPLICATION CLIENT'
        'MySQL with REPLICATION CLIENT'   | [flavor: Contexts.MYSQL, privileges: PrivilegeCheck.COMMON + ['REPLICATION CLIENT']]       || PASS   | 'every privilege'
        'referenced table without RELOAD' | [table: SchemaFixtures.referenced(), privileges: PrivilegeCheck.COMMON + ['BINLOG MONITOR']] || FAIL | 'GRANT RELOAD ON *.*'
        'referenced table with RELOAD'    | [table: SchemaFixtures.referenced(), privileges: PrivilegeCheck.COMMON + ['BINLOG MONITOR', 'RELOAD']] || PASS | 'every privilege'
    }
}
