package io.oscar.engine.verify

import spock.lang.Specification

class ChangedKeysSpec extends Specification {

    def "keys are kept once each, by content (the binlog's strings are byte arrays), in the order first seen"() {
        given:
        def keys = new ChangedKeys(10)

        when:
        keys.add([1, 'a'.bytes] as Object[])
        keys.add([2, 'b'.bytes] as Object[])
        keys.add([1, 'a'.bytes] as Object[])

        then:
        keys.size() == 2
        keys.keys().collect { [it[0], new String(it[1] as byte[])] } == [[1, 'a'], [2, 'b']]
        !keys.overflowed()
    }

    def "past its capacity it forgets every key and says so: the verification then compares every row"() {
        given:
        def keys = new ChangedKeys(3)

        when:
        (1..4).each { keys.add([it] as Object[]) }
        keys.add([5] as Object[])

        then:
        keys.overflowed()
        keys.size() == 0
        keys.keys().isEmpty()
    }

    def "NONE records nothing and is overflowed from the start"() {
        when:
        ChangedKeys.NONE.add([1] as Object[])

        then:
        ChangedKeys.NONE.overflowed()
        ChangedKeys.NONE.size() == 0
    }
}
