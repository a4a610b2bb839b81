package io.oscar.engine.cutover

import io.oscar.engine.api.OscarException
import io.oscar.engine.schema.TableName
import spock.lang.Specification

import java.time.Duration

class CutOverOptionsSpec extends Specification {

    def "backoff doubles per failed attempt, capped at 30 s"() {
        given:
        def o = CutOverOptions.defaults().withAttempts(10, Duration.ofMillis(500))

        expect:
        (1..4).collect { o.backoffAfter(it).toMillis() } == [500L, 1000L, 2000L, 4000L]
        o.backoffAfter(10) == Duration.ofSeconds(30)
    }

    def "nonsense is refused: #what"() {
        when:
        change(CutOverOptions.defaults())

        then:
        thrown(OscarException)

        where:
        what            | change
        'no attempts'   | { CutOverOptions o -> o.withAttempts(0, Duration.ZERO) }
        'zero lock wait'| { CutOverOptions o -> o.withLockWaitTimeout(Duration.ZERO) }
        'negative drain'| { CutOverOptions o -> o.withDrainTimeout(Duration.ofMillis(-1)) }
    }

    def "lock order: #table vs #sentry"() {
        expect:
        QueueProbes.firstInLockOrder(new TableName('s', table), new TableName('s', sentry)) == first

        where:
        table  | sentry      || first
        't'    | '_t_del'    || false
        'Item' | '_Item_del' || true
        '2x'   | '_2x_del'   || true
        'éa'   | '_éa_del'   || false
    }
}
