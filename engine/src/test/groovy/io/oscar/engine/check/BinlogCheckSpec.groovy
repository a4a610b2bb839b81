package io.oscar.engine.check

import spock.lang.Specification

import io.oscar.engine.plan.MigrationOptions

import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.Contexts.binlog

class BinlogCheckSpec extends Specification {
    static final MigrationOptions FROM_REPLICA = MigrationOptions.defaults().withBinlogFromReplica(true)

    def "#what -> #status"() {
        when:
        def r = new BinlogCheck().run(Contexts.of(ctx))

        then:
        r.status() == status
        r.message().contains(message)

        where:
        what                                | ctx                                                                       || status | message
        'ROW, FULL, FULL metadata'          | [:]                                                                       || PASS   | 'ROW binlog'
        'binlog off'                        | [primaryBinlog: binlog(logBin: false)]                                    || FAIL   | 'primary: the binary log is off'
        'STATEMENT format'                  | [primaryBinlog: binlog(format: 'STATEMENT')]                              || FAIL   | 'SET GLOBAL binlog_format=ROW'
        'MINIMAL image on the replica read' | [hasReplica: true, replicaBinlog: binlog(image: 'MINIMAL'), options: FROM_REPLICA] || FAIL | 'replica: binlog_row_image is MINIMAL'
        'replica read without log_slave_updates' | [hasReplica: true, replicaBinlog: binlog(logReplicaUpdates: false), options: FROM_REPLICA] || FAIL | 'log_slave_updates'
        'replica not read: its binlog is not checked' | [hasReplica: true, replicaBinlog: binlog(logReplicaUpdates: false, image: 'MINIMAL')] || PASS | 'ROW binlog'
        'replica read: its metadata counts' | [hasReplica: true, replicaBinlog: binlog(metadata: 'NO_LOG'), options: FROM_REPLICA] || WARN | 'binlog_row_metadata is NO_LOG'
        'no column metadata'                | [primaryBinlog: binlog(metadata: 'NO_LOG')]                               || WARN   | 'binlog_row_metadata is NO_LOG'
        'older server without metadata'     | [primaryBinlog: binlog(metadata: null)]                                   || WARN   | 'binlog_row_metadata is null'
    }
}
