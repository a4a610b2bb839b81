package io.oscar.shell

import io.oscar.engine.db.ConnectionSpec
import org.jline.reader.Candidate
import org.jline.reader.impl.DefaultParser
import spock.lang.Specification

/** Completion without a server: verbs, options, set names; table names need a connection (ReplIT). */
class CompleterSpec extends Specification {
    def shell = new Shell(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            new ConnectionDefaults(new ConnectionSpec('127.0.0.1', 3306, 'me', '', null), null))
    def completer = new ShellCompleter(shell, NameCache.fiveSeconds())

    List<Candidate> complete(String typed) {
        def line = new DefaultParser().parse(typed, typed.length(), org.jline.reader.Parser.ParseContext.COMPLETE)
        def out = []
        completer.complete(null, line, out)
        out
    }

    def "#typed offers #expected"() {
        expect:
        complete(typed)*.value().containsAll(expected)

        where:
        typed              || expected
        ''                 || ['connect', 'inspect', 'plan', 'run', 'status', 'sup', 'pause', 'resume', 'unpostpone', 'panic', 'history', 'quit']
        'run --'           || ['--postpone-cutover', '--chunk-size=', '--nice-ratio=', '--yes', '--json']
        'plan -'           || ['--max-lag-ms=', '--approve-data-loss']
        'set '             || ['chunk-size=', 'max-lag-ms=', 'nice-ratio=', 'max-load=', 'critical-load=']
        'help '            || ['throttle', 'no-throttle']
    }

    def "valued options and set names leave the cursor after '=' (no space)"() {
        expect:
        !complete('run --ch').find { it.value() == '--chunk-size=' }.complete()
        complete('run --po').find { it.value() == '--postpone-cutover' }.complete()
        !complete('set ').first().complete()
    }

    def "without a connection, table names give nothing and no error"() {
        expect:
        complete('inspect try_osc.ba')*.value() == ['--json']
        complete('cutover ').isEmpty()
    }

    def "the name cache asks again only after it expires"() {
        given:
        long now = 0
        def cache = new NameCache(1000, { now })
        int loads = 0

        when:
        cache.get('k') { loads++; ['a'] }
        cache.get('k') { loads++; ['a'] }
        now = 2000
        cache.get('k') { loads++; ['a', 'b'] }

        then:
        loads == 2
    }
}
