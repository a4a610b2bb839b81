package io.oscar.engine.binlog

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream
import spock.lang.Specification

/** TIME2 bytes as MySQL's my_time_packed_to_binary writes them (checked against the server by BinlogStreamerIT). */
class RowEventDeserializersSpec extends Specification {

    static byte[] bytes(long v, int n) {
        (0..<n).collect { (byte) ((v >> (8 * (n - 1 - it))) & 0xFF) } as byte[]
    }

    static ByteArrayInputStream time(long intPart, int intBytes, long frac, int fracBytes) {
        new ByteArrayInputStream(((bytes(intPart, intBytes) as List) + (bytes(frac, fracBytes) as List)) as byte[])
    }

    def "reads TIME(0) with its sign"() {
        expect:
        RowEventDeserializers.readTime2(0, new ByteArrayInputStream(bytes(stored, 3))) == micros

        where:
        stored                                  || micros
        0x800000L + (10 << 12 | 11 << 6 | 12)   || (10 * 3600 + 11 * 60 + 12) * 1_000_000L
        0x800000L - 1                           || -1_000_000L
        0x800000L                               || 0L
    }

    def "reads TIME(6) with its sign"() {
        given:
        long packed = ((10L << 12 | 11 << 6 | 12) << 24) + 345678

        expect:
        RowEventDeserializers.readTime2(6, new ByteArrayInputStream(bytes(0x800000000000L + packed, 6))) == 36_672_345_678L
        RowEventDeserializers.readTime2(6, new ByteArrayInputStream(bytes(0x800000000000L - packed, 6))) == -36_672_345_678L
    }

    def "reads TIME(2) and TIME(4), negative fractions borrowing from the seconds as MySQL stores them"() {
        expect: '-00:00:01.50 is stored as int part -2 and fraction 0x100 - 50'
        RowEventDeserializers.readTime2(2, time(0x800000L - 2, 3, 0x100 - 50, 1)) == -1_500_000L
        RowEventDeserializers.readTime2(2, time(0x800000L + 1, 3, 99, 1)) == 1_990_000L
        RowEventDeserializers.readTime2(4, time(0x800000L - 1, 3, 0x10000 - 1, 2)) == -100L
    }
}
