package io.oscar.engine.binlog

import spock.lang.Specification

import java.time.LocalDateTime
import java.time.ZoneOffset

class TemporalTextSpec extends Specification {

    static long micros(String dateTime, long fraction = 0) {
        LocalDateTime.parse(dateTime).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + fraction
    }

    /** What the library computes before 1582-10-15: the Julian/Gregorian hybrid calendar, in GMT. */
    static long hybrid(int year, int month, int day) {
        def c = new GregorianCalendar(TimeZone.getTimeZone('GMT'))
        c.clear()
        c.set(year, month - 1, day)
        c.timeInMillis * 1000L
    }

    def "DATETIME #text with fsp #fsp"() {
        expect:
        TemporalText.dateTime(value, fsp) == text

        where:
        value                                      | fsp || text
        micros('2026-11-23T10:11:12', 345678)      | 6   || '2026-11-23 10:11:12.345678'
        micros('2026-11-23T10:11:12', 345678)      | 3   || '2026-11-23 10:11:12.345'
        micros('2026-11-23T10:11:12', 5)           | 6   || '2026-11-23 10:11:12.000005'
        micros('2026-11-23T10:11:12', 345678)      | 0   || '2026-11-23 10:11:12'
        hybrid(1, 1, 1)                            | 0   || '0001-01-01 00:00:00'
        hybrid(1582, 10, 4)                        | 0   || '1582-10-04 00:00:00'
        micros('9999-12-31T23:59:59', 999999)      | 6   || '9999-12-31 23:59:59.999999'
        micros('1970-01-01T00:00:00')              | 1   || '1970-01-01 00:00:00.0'
        TemporalText.ZERO                          | 2   || '0000-00-00 00:00:00.00'
    }

    def "TIME #text"() {
        expect:
        TemporalText.time(value, fsp) == text

        where:
        value                                   | fsp || text
        0L                                      | 0   || '00:00:00'
        (838L * 3600 + 59 * 60 + 59) * 1000000  | 0   || '838:59:59'
        -(1L * 3600 + 2 * 60 + 3) * 1000000 - 4 | 6   || '-01:02:03.000004'
        (12L * 3600) * 1000000 + 500000         | 1   || '12:00:00.5'
    }

    def "pad writes what %0Nd writes, for any sign"() {
        expect:
        [0L, 7L, 42L, 999L, 2026L, 123456L, 1234567L, -1L, -42L].every { v ->
            (1..6).every { w -> TemporalText.pad(new StringBuilder(), v, w).toString() == String.format("%0${w}d", v) }
        }
    }

    def "DATE drops the time"() {
        expect:
        TemporalText.date(micros('2026-02-03T00:00:00')) == '2026-02-03'
        TemporalText.date(TemporalText.ZERO) == '0000-00-00'
    }
}
