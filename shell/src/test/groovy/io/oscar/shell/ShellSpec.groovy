package io.oscar.shell

import io.oscar.engine.db.ConnectionSpec
import spock.lang.Specification

class ShellSpec extends Specification {
    def out = new StringWriter()
    def err = new StringWriter()
    def shell = new Shell(new PrintWriter(out), new PrintWriter(err),
            new ConnectionDefaults(new ConnectionSpec('127.0.0.1', 3306, 'me', '', null), null))

    def "an unknown command suggests the nearest: #typed"() {
        expect:
        !shell.execute(typed)
        err.toString().contains(suggestion)

        where:
        typed          || suggestion
        'conect'       || "did you mean 'connect'?"
        'exti'         || "did you mean 'exit'?"
        'hepl me'      || "did you mean 'help'?"
        'zzzzzzzzzzzz' || "unknown command 'zzzzzzzzzzzz' (type 'help' for the list)"
    }

    def "help lists every command; help NAME shows its usage"() {
        when:
        shell.execute('help')

        then:
        ['connect', 'disconnect', 'help', 'exit'].every { out.toString().contains(it) }

        when:
        shell.execute('help quit')

        then:
        out.toString().contains('usage: exit')
    }

    def "wrong arguments print the command's usage and the shell keeps going"() {
        expect:
        !shell.execute('exit now')
        err.toString().contains('usage: exit')
        !shell.exitRequested()
        shell.execute('exit')
        shell.exitRequested()
    }

    def "commands that need a connection say how to get one"() {
        when:
        shell.session()

        then:
        def e = thrown(io.oscar.engine.api.OscarException)
        e.message.contains("connect HOST:PORT")
    }

    def "words: #line"() {
        expect:
        Tokenizer.split(line) == words

        where:
        line                                      || words
        'plan t MODIFY id bigint'                 || ['plan', 't', 'MODIFY', 'id', 'bigint']
        "plan t \"ADD COLUMN c varchar(3) 'x'\""  || ['plan', 't', "ADD COLUMN c varchar(3) 'x'"]
        '   '                                     || []
    }

    def "-e scripts split at semicolons outside quotes"() {
        expect:
        Tokenizer.commands("connect; plan t 'a;b' ;; help") == ['connect', "plan t 'a;b'", 'help']
    }

    def "option files are read like the mysql client"() {
        given:
        def cnf = MyCnf.parse(['[mysqld]', 'port=1', '[client]', 'user = dba', 'password="p#w"', 'port=3310', '[oscar]', 'host=db1'])

        expect:
        cnf.get('user') == 'dba'
        cnf.get('password') == 'p#w'
        cnf.get('port') == '3310'
        cnf.get('host') == 'db1'
    }

    def "an unexpected exception from a command prints one line and the shell goes on: #thrown"() {
        given:
        def failing = Stub(io.oscar.shell.commands.Command) {
            name() >> 'boom'
            usage() >> 'boom'
            run(_, _, _) >> { throw thrown }
        }
        def withBoom = new Shell(new PrintWriter(out), new PrintWriter(err), shell.defaults(),
                new CommandRegistry([failing, new io.oscar.shell.commands.HelpCommand()]))

        expect:
        !withBoom.execute('boom')
        err.toString().readLines() == [line]
        withBoom.execute('help')

        where:
        thrown                                               || line
        new NullPointerException()                           || 'error: java.lang.NullPointerException'
        new IllegalStateException('writer died:\n  closed') || 'error: writer died: closed'
    }

    def "lines that may carry a password never reach the history: #line"() {
        expect:
        SecretFreeHistory.secret(line) == secret

        where:
        line                                                   || secret
        'connect --password=x db1'                             || true
        'connect -psecret db1'                                 || true
        "plan t ALTER USER u IDENTIFIED BY 'x'"                || true
        'run --postpone-cutover t ADD COLUMN c int'            || false
        'plan t ADD COLUMN p int'                              || false
    }
}
