package io.oscar.engine.inspect

import spock.lang.Specification

/** "Did you mean" suggestions for a missing table or schema. */
class SimilarNamesSpec extends Specification {

    def "#wanted among #candidates -> #expected"() {
        expect:
        SimilarNames.suggest(wanted, candidates, 3) == expected

        where:
        wanted      | candidates                                      || expected
        'baseitems' | ['baseitem', 'referringitem', 'orders']         || ['baseitem']
        'BaseItem'  | ['baseitem', 'baseitem2']                       || ['baseitem', 'baseitem2']
        'ordr'      | ['orders', 'order', 'users']                    || ['order', 'orders']
        'item'      | ['baseitem', 'referringitem', 'x']              || ['baseitem', 'referringitem']
        'zzz'       | ['baseitem', 'orders']                          || []
        'a'         | ['b', 'c', 'd', 'e']                            || ['b', 'c', 'd']
    }
}
