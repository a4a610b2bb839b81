package io.oscar.engine.check

import spock.lang.Specification

import static io.oscar.engine.check.CheckResult.Status.*
import static io.oscar.engine.check.Contexts.binlog

class BinlogCheckSpec extends Specification {

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
        'MINIMAL image on the replica'      | [hasReplica: true, replicaBinlog: binlog(image: 'MINIMAL')]               || FAIL   | 'replica: binlog_row_image is MINIMAL'
        'replica without log_slave_updates' | [hasReplica: true, replicaBinlog: binlog(logReplicaUpdates: false)]       || FAIL   | 'log_slave_updates'
        'no column metadata'                | [primaryBinlog: binlog(metadata: 'NO_LOG')]                               || WARN   | 'binlog_row_metadata is NO_LOG'
        'older server without metadata'     | [primaryBinlog: binlog(metadata: null)]                                   || WARN   | 'binlog_row_metadata is null'
    }
}
