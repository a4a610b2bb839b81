package io.oscar.engine.check

import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.Contexts.replicaStatus

class ReplicationCheckSpec extends Specification {

    def "#what -> #status"() {
        when:
        def r = new ReplicationCheck().run(Contexts.of(ctx))

        then:
        r.status() == status
        r.message().contains(message)

        where:
        what                      | ctx                                                                            || status | message
        'no replica'              | [:]                                                                            || PASS   | 'no replica given'
        'running'                 | [hasReplica: true]                                                             || PASS   | 'replicating from 127.0.0.1:3307'
        'sql thread stopped'      | [hasReplica: true, replicaStatus: replicaStatus(sql: 'No', sqlError: 'dup')]  || FAIL   | 'sql error: dup'
        'not a replica'           | [hasReplica: true, replicaStatus: null]                                        || FAIL   | 'replicates from nothing'
        'far behind'              | [hasReplica: true, replicaStatus: replicaStatus(behind: 30L)]                  || WARN   | '30 s behind, more than max-lag-ms 1500'
        'behind but within limit' | [hasReplica: true, replicaStatus: replicaStatus(behind: 30L),
                                     options: MigrationOptions.defaults().withMaxLagMs(60_000)]                    || PASS   | '30 s behind'
        'the primary is a replica'| [primaryReplication: replicaStatus()]                                          || FAIL   | 'the server given as the primary replicates from 127.0.0.1:3307'
        'the primary once was one'| [primaryReplication: replicaStatus(io: 'No', sql: 'No')]                       || PASS   | 'no replica given'
    }
}
