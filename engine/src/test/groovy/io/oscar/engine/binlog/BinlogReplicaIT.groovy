package io.oscar.engine.binlog

import io.oscar.testkit.DatabaseSpec

import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList

/** Reading a replica's binlog (log_slave_updates) delivers what the primary's does. */
class BinlogReplicaIT extends DatabaseSpec {
    static final Duration WAIT = Duration.ofSeconds(30)

    @Override
    boolean needsReplica() {
        true
    }

    def "a replica with log_slave_updates delivers the same changes as the primary"() {
        given:
        def primary = primarySql()
        def replica = replicaSql()
        primary.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20) CHARACTER SET latin1, ts DATETIME(6))")
        db.awaitReplica(WAIT)
        def table = TestSchemas.read(primary, schema, 't')
        def fromPrimary = new CopyOnWriteArrayList<RowChange>()
        def fromReplica = new CopyOnWriteArrayList<RowChange>()
        def p = new BinlogStreamer(db.primary()).subscribe(table, fromPrimary::add)
        def r = new BinlogStreamer(db.replica()).subscribe(table, fromReplica::add)
        p.start(BinlogStreamer.currentPosition(primary.connection()))
        r.start(BinlogStreamer.currentPosition(replica.connection()))

        when:
        primary.execute("INSERT INTO t VALUES (1, 'é', '2026-11-23 10:11:12.345678'), (2, 'b ', NULL)")
        primary.execute("UPDATE t SET v = 'ü', ts = '2026-11-23 10:11:12.000001' WHERE id = 1")
        primary.execute("DELETE FROM t WHERE id = 2")
        db.awaitReplica(WAIT)

        then:
        p.awaitPosition(BinlogStreamer.currentPosition(primary.connection()), WAIT)
        r.awaitPosition(BinlogStreamer.currentPosition(replica.connection()), WAIT)
        fromPrimary.size() == 4
        describe(fromReplica) == describe(fromPrimary)
        fromReplica[2].after() as List == [1, 'ü', '2026-11-23 10:11:12.000001']

        and: 'the GTIDs are the primary transactions, seen through the replica'
        r.lastApplied().gtidSet() != null

        cleanup:
        p?.close()
        r?.close()
    }

    static List<String> describe(List<RowChange> changes) {
        changes.collect { "${it.kind()} ${it.before() as List} ${it.after() as List}".toString() }
    }
}
