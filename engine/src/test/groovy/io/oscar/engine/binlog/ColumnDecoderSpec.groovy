package io.oscar.engine.binlog

import io.oscar.engine.api.OscarException
import io.oscar.engine.schema.Column
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.LocalDateTime
import java.time.ZoneOffset

class ColumnDecoderSpec extends Specification {

    static Column col(String dataType, String columnType, String charset = null) {
        new Column('c', dataType, columnType, true, null, '', null, charset, null)
    }

    static long micros(String isoDateTime, long fraction = 0) {
        LocalDateTime.parse(isoDateTime).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + fraction
    }

    def "integers: signed pass through, unsigned lose their sign"() {
        expect:
        ColumnDecoder.of(col(type, columnType)).decode(raw) == expected

        where:
        type        | columnType            | raw               || expected
        'tinyint'   | 'tinyint(4)'          | -128              || -128
        'tinyint'   | 'tinyint(3) unsigned' | -1                || 255
        'smallint'  | 'smallint(5) unsigned'| -1                || 65535
        'mediumint' | 'mediumint(8) unsigned'| -1               || 16777215
        'int'       | 'int(10) unsigned'    | -1                || 4294967295L
        'int'       | 'int(11)'             | Integer.MIN_VALUE || Integer.MIN_VALUE
        'bigint'    | 'bigint(20) unsigned' | -1L               || new BigInteger('18446744073709551615')
        'bigint'    | 'bigint(20) unsigned' | 7L                || BigInteger.valueOf(7)
        'bigint'    | 'bigint(20)'          | Long.MIN_VALUE    || Long.MIN_VALUE
        'year'      | 'year(4)'             | 1900              || 0
        'year'      | 'year(4)'             | 2155              || 2155
    }

    def "unsigned BIGINT becomes a BigInteger even when small"() {
        expect:
        ColumnDecoder.of(col('bigint', 'bigint(20) unsigned')).decode(1L) instanceof BigInteger
    }

    def "numbers that need no conversion keep their type"() {
        expect:
        ColumnDecoder.of(col('decimal', 'decimal(10,4)')).decode(new BigDecimal('-12.3400')) == new BigDecimal('-12.3400')
        ColumnDecoder.of(col('float', 'float')).decode(1.25f) == 1.25f
        ColumnDecoder.of(col('double', 'double')).decode(-0.1d) == -0.1d
    }

    def "temporal values become literals with the column's fractional digits"() {
        expect:
        ColumnDecoder.of(col(type, columnType)).decode(raw) == expected

        where:
        type        | columnType     | raw                                        || expected
        'datetime'  | 'datetime(6)'  | micros('2026-11-23T10:11:12', 345678)      || '2026-11-23 10:11:12.345678'
        'datetime'  | 'datetime(3)'  | micros('2026-11-23T10:11:12', 345000)      || '2026-11-23 10:11:12.345'
        'datetime'  | 'datetime'     | micros('9999-12-31T23:59:59')              || '9999-12-31 23:59:59'
        'datetime'  | 'datetime(6)'  | Long.MIN_VALUE                             || '0000-00-00 00:00:00.000000'
        'timestamp' | 'timestamp(6)' | micros('2038-01-19T03:14:07', 999999)      || '2038-01-19 03:14:07.999999'
        'timestamp' | 'timestamp'    | 0L                                         || '0000-00-00 00:00:00'
        'date'      | 'date'         | micros('2026-02-28T00:00:00')              || '2026-02-28'
        'date'      | 'date'         | Long.MIN_VALUE                             || '0000-00-00'
        'time'      | 'time(6)'      | (838L * 3600 + 59 * 60 + 59) * 1_000_000L  || '838:59:59.000000'
        'time'      | 'time(2)'      | (1L * 3600 + 2 * 60 + 3) * 1_000_000L + 450_000 || '01:02:03.45'
        'time'      | 'time(6)'      | -1L                                        || '-00:00:00.000001'
        'time'      | 'time'         | -(838L * 3600 + 59 * 60 + 59) * 1_000_000L || '-838:59:59'
    }

    def "dates before the Gregorian reform are read back with the library's hybrid calendar"() {
        given: 'the library computes them with GregorianCalendar in GMT'
        def c = new GregorianCalendar(TimeZone.getTimeZone('GMT'))
        c.clear()
        c.set(1000, 0, 1, 0, 0, 0)

        expect:
        ColumnDecoder.of(col('date', 'date')).decode(c.timeInMillis * 1000) == '1000-01-01'
        ColumnDecoder.of(col('datetime', 'datetime(1)')).decode(c.timeInMillis * 1000 + 100_000) == '1000-01-01 00:00:00.1'
    }

    def "text is decoded with the column's charset, MySQL latin1 included"() {
        expect:
        ColumnDecoder.of(col('varchar', 'varchar(10)', charset)).decode(bytes as byte[]) == expected

        where:
        charset   | bytes                                                   || expected
        'latin1'  | [0xE9, 0x20] as byte[]                                  || 'é '
        'latin1'  | [0x80, 0x81, 0x9D] as byte[]                            || '€\u0081\u009D'
        'utf8mb4' | '😀 é'.getBytes(StandardCharsets.UTF_8)                 || '😀 é'
        'utf8mb3' | 'ü'.getBytes(StandardCharsets.UTF_8)                    || 'ü'
        'utf8mb4' | new byte[0]                                             || ''
    }

    def "binary strings stay bytes; BINARY(n) is padded back to its length"() {
        expect:
        ColumnDecoder.of(col('binary', 'binary(4)')).decode([0x61] as byte[]) == [0x61, 0, 0, 0] as byte[]
        ColumnDecoder.of(col('varbinary', 'varbinary(4)')).decode([0x61, 0] as byte[]) == [0x61, 0] as byte[]
        ColumnDecoder.of(col('blob', 'blob')).decode([1, 2] as byte[]) == [1, 2] as byte[]
        ColumnDecoder.of(col('varchar', 'varchar(4)', 'binary')).decode([0xFF] as byte[]) == [0xFF] as byte[]
    }

    def "ENUM index and SET bitmask become labels"() {
        expect:
        ColumnDecoder.of(col(type, columnType)).decode(raw) == expected

        where:
        type   | columnType                | raw || expected
        'enum' | "enum('a','b''c','d,e')" | 2   || "b'c"
        'enum' | "enum('a','b''c','d,e')" | 3   || 'd,e'
        'enum' | "enum('a','b')"          | 0   || ''
        'set'  | "set('x','y','z')"       | 5L  || 'x,z'
        'set'  | "set('x','y','z')"       | 0L  || ''
    }

    def "BIT becomes a number, unsigned for BIT(64)"() {
        given:
        def five = new BitSet()
        five.set(0)
        five.set(2)
        def all = new BitSet()
        all.set(0, 64)

        expect:
        ColumnDecoder.of(col('bit', 'bit(3)')).decode(five) == 5L
        ColumnDecoder.of(col('bit', 'bit(64)')).decode(all) == new BigInteger('18446744073709551615')
        ColumnDecoder.of(col('bit', 'bit(1)')).decode(new BitSet()) == 0L
    }

    def "MySQL binary JSON becomes its text"() {
        expect:
        ColumnDecoder.of(col('json', 'json')).decode([0x0c, 0x02, 0x68, 0x69] as byte[]) == '"hi"'
    }

    def "NULL stays null"() {
        expect:
        ColumnDecoder.of(col('datetime', 'datetime(6)')).decode(null) == null
    }

    def "a type it cannot decode is refused when subscribing, naming the column"() {
        when:
        ColumnDecoder.of(col('geometry', 'geometry'))

        then:
        def e = thrown(OscarException)
        e.message.contains('geometry')
    }
}
