package io.oscar.engine.migrate

import io.oscar.engine.db.StatementRunner
import io.oscar.engine.schema.TableName
import io.oscar.engine.throttle.ReplicaLagThrottle
import io.oscar.testkit.DatabaseSpec

import java.time.Duration
import java.util.function.LongSupplier

class ChangelogIT extends DatabaseSpec {

    @Override
    boolean needsReplica() {
        true
    }

    def "the heartbeat reaches the replica with a sub-second lag; when it stops, the lag grows and throttles"() {
        given:
        def table = new TableName(schema, '_t_ghc')
        def primary = new StatementRunner(db.openPrimary(), db.primary().describe())
        def replica = new StatementRunner(db.openReplica(), db.replica().describe())
        def changelog = new Changelog(primary, table, Pacer.system())
        def lag = new HeartbeatLag(replica, table, Pacer.system())

        when:
        changelog.create()
        changelog.startHeartbeat(Duration.ofMillis(100))
        def first = waitFor { def l = lag.lagMillis(); l.present ? l : null }

        then:
        first.asLong < 1500
        changelog.failure() == null

        when: 'the heartbeat stops, the measured lag grows past max-lag-ms and the throttle engages'
        changelog.close()
        def throttle = new ReplicaLagThrottle(lag, { 300L } as LongSupplier)
        def reason = waitFor { throttle.throttleReason().orElse(null) }

        then:
        reason.startsWith('replica lag')
        lag.lagMillis().asLong >= 300

        cleanup:
        changelog?.close()
        primary?.connection()?.close()
        replica?.connection()?.close()
    }

    def "a heartbeat that cannot be written is kept as the failure, not lost"() {
        given:
        def runner = new StatementRunner(db.openPrimary(), db.primary().describe())
        def changelog = new Changelog(runner, new TableName(schema, '_missing_ghc'), Pacer.system())

        when:
        changelog.startHeartbeat(Duration.ofMillis(50))
        def failure = waitFor { changelog.failure() }

        then:
        failure.message.contains('_missing_ghc heartbeat')
        failure.message.contains(db.primary().describe())

        cleanup:
        changelog.close()
        runner.connection().close()
    }

    static <T> T waitFor(Closure<T> probe) {
        long deadline = System.nanoTime() + 20_000_000_000L
        while (System.nanoTime() < deadline) {
            T v = probe()
            if (v != null) {
                return v
            }
            Thread.sleep(20)
        }
        throw new AssertionError('condition not met within 20 s')
    }
}
