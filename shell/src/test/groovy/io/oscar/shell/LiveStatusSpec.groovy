package io.oscar.shell

import io.oscar.engine.api.Phase
import io.oscar.engine.api.Progress
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class LiveStatusSpec extends Specification {
    List<List<String>> drawn = []
    boolean reading = true
    def status = new LiveStatus({ lines -> if (reading) { drawn << lines }; reading })

    static Progress progress(String table, Phase phase, long copied) {
        new Progress(table, phase, copied, 1000, 1, 0, 0, null, null, 100, 0, Duration.ofSeconds(3), null, null,
                false, null, Instant.EPOCH)
    }

    def "one line per running migration; a finished one leaves; nothing is drawn while nothing ran"() {
        when:
        status.refresh()

        then:
        drawn.isEmpty()

        when:
        status.accept(progress('s.b', Phase.COPY, 500))
        status.accept(progress('s.a', Phase.COPY, 100))
        status.refresh()

        then:
        drawn.last().size() == 2
        drawn.last()[0].startsWith('s.a COPY 10.0%')
        drawn.last()[1].startsWith('s.b COPY 50.0%')

        when:
        status.accept(progress('s.a', Phase.DONE, 1000))
        status.accept(progress('s.b', Phase.ABORTED, 500))
        status.refresh()
        int draws = drawn.size()
        status.refresh()

        then:
        drawn.last().isEmpty()
        drawn.size() == draws // removed once, then left alone
    }

    def "while a command prints (no prompt), the status waits and is removed later"() {
        given:
        status.accept(progress('s.a', Phase.COPY, 100))
        status.refresh()
        reading = false

        when:
        status.accept(progress('s.a', Phase.DONE, 1000))
        status.refresh()
        reading = true
        status.refresh()

        then:
        drawn.size() == 2
        drawn.last().isEmpty()
    }
}
