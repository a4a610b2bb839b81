package io.oscar.shell

import io.oscar.engine.db.ConnectionSpec
import spock.lang.AutoCleanup
import spock.lang.Specification

/** The interactive prompt on a JLine test terminal, without a database: keys in, screen out. */
class ReplSpec extends Specification {
    @AutoCleanup
    TerminalDriver term = new TerminalDriver(new ConnectionDefaults(new ConnectionSpec('127.0.0.1', 3306, 'me', '', null), null))

    def "Tab completes a command; help lists every command"() {
        when:
        term.await('oscar> ')
        term.type('hel\t\r')
        def screen = term.await('Disconnect and leave oscar')

        then:
        screen.contains('oscar> help')
        ['connect', 'inspect', 'plan', 'run', 'status', 'throttle', 'cutover', 'abort', 'history', 'exit'].every { screen.contains(it) }
    }

    def "Tab on a partial option of run offers the options"() {
        when:
        term.await('oscar> ')
        term.type('run --postp\t')

        then:
        term.await('run --postpone-cutover')
    }

    def "up-arrow recalls the previous line; history lists it; both land in the history file"() {
        when:
        term.await('oscar> ')
        term.type('help exit\r')
        term.await('usage: exit')
        term.type('\033[A\r')
        term.await('usage: exit', 2)
        term.type('history\r')
        def screen = term.await('    2  history')

        then:
        screen.contains('    1  help exit') // the recalled copy is not stored twice
        term.await('history', 1, 5_000) { term.historyFile.toFile().text }.contains('help exit')
    }

    def "Ctrl-C drops the typed line and the prompt goes on"() {
        when:
        term.await('oscar> ')
        term.type('garbage-line\003')
        term.type('help quit\r')
        def screen = term.await('usage: exit')

        then:
        !screen.contains("unknown command 'garbage-line'")
        !term.historyFile.toFile().text.contains('garbage-line')
    }

    def "a line with a password is run but never stored"() {
        when:
        term.await('oscar> ')
        term.type('connect --password=hunter2 db1\r')
        term.await('unknown option --password=hunter2')
        term.type('history\r')
        def screen = term.await('    1  history')

        then:
        !term.historyFile.toFile().text.contains('hunter2')
        !screen.readLines().any { it =~ /^\s+\d+\s+connect/ }
    }

    def "exit with nothing running leaves without asking"() {
        when:
        term.await('oscar> ')
        term.type('exit\r')
        term.thread.join(10_000)

        then:
        term.exitCode == 0
        !term.screen().contains('Leave? [y/N]')
    }
}
