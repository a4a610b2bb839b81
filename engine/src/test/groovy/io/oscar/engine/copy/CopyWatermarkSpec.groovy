package io.oscar.engine.copy

import spock.lang.Specification

class CopyWatermarkSpec extends Specification {

    static CopyWatermark watermark(List<Object> last, List<Object> max, boolean done = false, boolean integerKey = true) {
        new CopyWatermark({ last }, { max }, { done }, integerKey)
    }

    def "key #key with the copy at #last of #max: ahead #ahead"() {
        expect:
        watermark(last, max).ahead([key] as Object[]) == ahead

        where:
        key                                   | last  | max     || ahead
        5                                     | null  | [100L]  || true
        5L                                    | [10]  | [100L]  || false
        10L                                   | [10]  | [100L]  || false
        11                                    | [10L] | [100L]  || true
        100L                                  | [10L] | [100L]  || true
        101L                                  | [10L] | [100L]  || false  // inserted after the copy began: never copied
        new BigInteger('18446744073709551615') | [10L] | [new BigInteger('18446744073709551615')] || true
        'x'                                   | [10L] | [100L]  || false
    }

    def "nothing is ahead when the copy is done, the table was empty, or the key is not one integer column"() {
        expect:
        !watermark([10L], [100L], true).ahead([50L] as Object[])
        !watermark(null, null).ahead([50L] as Object[])
        !watermark([10L], [100L], false, false).ahead([50L] as Object[])
        !watermark([10L], [100L]).ahead([50L, 1] as Object[])
    }
}
