package io.oscar.engine.db

import io.oscar.testkit.DatabaseSpec

import java.time.Duration

/** The fixture itself: a row written on the primary is read back from the replica. */
class ReplicationIT extends DatabaseSpec {

    @Override
    boolean needsReplica() {
        true
    }

    def "a row written on the primary arrives on the replica"() {
        given:
        def primary = primarySql()
        def replica = replicaSql()
        def token = UUID.randomUUID().toString()
        primary.execute('CREATE TABLE t (id bigint unsigned NOT NULL PRIMARY KEY, v varchar(64) NOT NULL, at datetime(6) NOT NULL)')

        when:
        primary.execute('INSERT INTO t (id, v, at) VALUES (?, ?, ?)', 18446744073709551615G, token, '2026-11-23 10:11:12.345678')
        db.awaitReplica(Duration.ofSeconds(30))
        def row = replica.firstRow('SELECT id, v, CAST(at AS char) AS at FROM t')

        then:
        row.id == 18446744073709551615G
        row.v == token
        row.at == '2026-11-23 10:11:12.345678'
    }

    def "both servers are the kind and version the fixture reports"() {
        expect:
        def f = db.flavor()
        f.supported()
        primarySql().firstRow('SELECT @@version AS v').v.startsWith("${f.major()}.${f.minor()}")
        (replicaSql().value('SELECT @@log_bin') as String) in ['1', 'ON', 'true']
    }
}
