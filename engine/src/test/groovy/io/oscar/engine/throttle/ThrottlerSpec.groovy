package io.oscar.engine.throttle

import io.oscar.engine.api.ErrorCode
import io.oscar.engine.api.OscarException
import io.oscar.engine.plan.MigrationOptions
import spock.lang.Specification

import java.nio.file.Files
import java.util.function.LongSupplier

class ThrottlerSpec extends Specification {

    def "manual throttle pauses and resumes"() {
        given:
        def t = new ManualThrottle()

        expect:
        t.throttleReason().isEmpty()

        when:
        t.pause()

        then:
        t.throttleReason().get().contains('operator')

        when:
        t.resume()

        then:
        t.throttleReason().isEmpty()
    }

    def "max-load throttles at or over a threshold: #status"() {
        given:
        def source = { Set names -> status.subMap(names) } as StatusSource
        def t = new MaxLoadThrottle(source, { [Threads_running: 25L, Threads_connected: 500L] })

        expect:
        t.throttleReason().map { it } .orElse('') == reason

        where:
        status                                           || reason
        [Threads_running: 3L, Threads_connected: 10L]    || ''
        [Threads_running: 25L, Threads_connected: 10L]   || 'max-load Threads_running=25 (limit 25) reached'
        [Threads_running: 2L, Threads_connected: 900L]   || 'max-load Threads_connected=900 (limit 500) reached'
        [Threads_connected: 10L]                         || ''
    }

    def "critical load aborts with a message that says the original is untouched"() {
        given:
        def source = { Set names -> [Threads_running: 200L] } as StatusSource
        def check = new CriticalLoadCheck(source, { [Threads_running: 100L] })

        when:
        check.check()

        then:
        def e = thrown(OscarException)
        e.code() == ErrorCode.CRITICAL_LOAD
        e.message.contains('Threads_running=200 (limit 100)')
        e.message.contains('untouched')
    }

    def "replica lag: #lag ms against max #max ms"() {
        given:
        def source = { lag == null ? OptionalLong.empty() : OptionalLong.of(lag) } as LagSource
        def t = new ReplicaLagThrottle(source, { max as long } as LongSupplier)

        expect:
        t.throttleReason().orElse('') == reason

        where:
        lag  | max  || reason
        200  | 1500 || ''
        1500 | 1500 || ''
        2300 | 1500 || 'replica lag 2.3 s > max-lag-ms 1500'
        null | 1500 || 'replica lag unknown (no heartbeat seen yet)'
    }

    def "the flag file throttles while it exists"() {
        given:
        def dir = Files.createTempDirectory('oscar')
        def flag = dir.resolve('throttle')
        def t = new FlagFileThrottle(flag)

        expect:
        t.throttleReason().isEmpty()

        when:
        Files.createFile(flag)

        then:
        t.throttleReason().get().contains('exists')

        cleanup:
        Files.deleteIfExists(flag)
        Files.delete(dir)
    }

    def "the composite gives the first reason and the no-op never throttles"() {
        given:
        def manual = new ManualThrottle()
        def lag = new ReplicaLagThrottle({ OptionalLong.of(5000) } as LagSource, { 1000L })
        def t = new CompositeThrottler([manual, new NoopThrottler(), lag])

        expect:
        t.throttleReason().get().startsWith('replica lag')

        when:
        manual.pause()

        then:
        t.throttleReason().get().contains('operator')
        new NoopThrottler().throttleReason().isEmpty()
    }

    def "tunables clamp: set #what to #value gives #expected"() {
        given:
        def tunables = new Tunables(MigrationOptions.defaults())

        expect:
        set(tunables, value) == expected

        where:
        what         | value     | set                                     || expected
        'chunk-size' | 5         | { Tunables t, v -> t.setChunkSize(v) }  || 10
        'chunk-size' | 5000      | { Tunables t, v -> t.setChunkSize(v) }  || 5000
        'chunk-size' | 9_999_999 | { Tunables t, v -> t.setChunkSize(v) }  || 100_000
        'max-lag-ms' | 1         | { Tunables t, v -> t.setMaxLagMs(v) }   || 100
        'nice-ratio' | -3        | { Tunables t, v -> t.setNiceRatio(v) }  || 0
    }

    def "the chunk size is steered toward the chunk time, at most x2 or /2 a step, until the operator sets one"() {
        given:
        def t = new Tunables(MigrationOptions.defaults().withChunkTimeMs(250))

        expect:
        MigrationOptions.defaults().chunkTimeMs() == 250
        t.chunkTimeMs() == 250
        t.chunkSize() == 1000

        when: 'a chunk of 1000 took 50 ms: double'
        t.chunkTook(50_000_000L)

        then:
        t.chunkSize() == 2000

        when: 'one took 400 ms: shrink toward 250 ms'
        t.chunkTook(400_000_000L)

        then:
        t.chunkSize() == 1250

        when: 'the operator sets it: fixed from now on'
        t.setChunkSize(300)
        t.chunkTook(1_000_000L)

        then:
        t.chunkSize() == 300
        t.chunkTimeMs() == 0
        new Tunables(MigrationOptions.defaults().withChunkSize(700)).chunkTimeMs() == 0
    }
}
