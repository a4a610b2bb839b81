package io.oscar.engine.check

import spock.lang.Specification

import static io.oscar.engine.check.CheckResult.Status.FAIL

class ChecksSpec extends Specification {

    def "every check is in Checks.ALL exactly once, with a unique name"() {
        expect:
        Checks.ALL*.name().unique(false) == Checks.ALL*.name()
        Checks.ALL.size() == 12
        Checks.runAll(Contexts.of()).every { it.status() != FAIL }
    }
}
