package io.oscar.engine.binlog;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Renders the microsecond values mysql-binlog-connector-java produces in
 * {@code DATE_AND_TIME_AS_LONG_MICRO} mode as SQL literals ({@code 2026-11-23 10:11:12.345678}).
 *
 * <p>The library computes DATE/DATETIME as if the wall-clock fields were UTC, with the Julian/Gregorian
 * hybrid calendar before 1582-10-15 (GregorianCalendar in GMT): rendering undoes exactly that.
 * TIMESTAMP is a real UTC instant and is therefore rendered in UTC: bind it in a session with
 * {@code time_zone = '+00:00'}. Zero dates arrive as {@link Long#MIN_VALUE} (and a zero TIMESTAMP as 0).
 */
final class TemporalText {
    static final long ZERO = Long.MIN_VALUE;
    private static final long GREGORIAN_START_SECONDS = -12_219_292_800L; // 1582-10-15T00:00:00Z
    private static final long MICROS = 1_000_000L;

    private TemporalText() {
    }

    static String date(long micros) {
        if (micros == ZERO) {
            return "0000-00-00";
        }
        String full = dateTime(micros, 0);
        return full.substring(0, full.indexOf(' '));
    }

    static String dateTime(long micros, int fsp) {
        if (micros == ZERO) {
            return "0000-00-00 00:00:00" + fraction(0, fsp);
        }
        long seconds = Math.floorDiv(micros, MICROS);
        long fraction = Math.floorMod(micros, MICROS);
        int[] f = fields(seconds);
        StringBuilder sb = new StringBuilder(26);
        pad(sb, f[0], 4).append('-');
        pad(sb, f[1], 2).append('-');
        pad(sb, f[2], 2).append(' ');
        pad(sb, f[3], 2).append(':');
        pad(sb, f[4], 2).append(':');
        pad(sb, f[5], 2);
        return fraction(sb, fraction, fsp).toString();
    }

    /** TIMESTAMP: the epoch 0 is MySQL's zero timestamp, everything else a UTC instant. */
    static String timestampUtc(long micros, int fsp) {
        return micros == 0 ? dateTime(ZERO, fsp) : dateTime(micros, fsp);
    }

    /** TIME: signed (see {@link RowEventDeserializers}), hours up to 838. */
    static String time(long micros, int fsp) {
        long abs = Math.abs(micros);
        long seconds = abs / MICROS;
        StringBuilder sb = new StringBuilder(17);
        if (micros < 0) {
            sb.append('-');
        }
        pad(sb, seconds / 3600, 2).append(':');
        pad(sb, seconds / 60 % 60, 2).append(':');
        pad(sb, seconds % 60, 2);
        return fraction(sb, abs % MICROS, fsp).toString();
    }

    private static int[] fields(long epochSeconds) {
        if (epochSeconds >= GREGORIAN_START_SECONDS) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
            return new int[] {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()};
        }
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("GMT"));
        c.setTimeInMillis(epochSeconds * 1000);
        return new int[] {c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH),
                c.get(Calendar.HOUR_OF_DAY), c.get(Calendar.MINUTE), c.get(Calendar.SECOND)};
    }

    /** The column's declared precision decides the digits: datetime(3) gets {@code .345}. */
    private static String fraction(long micros, int fsp) {
        return fraction(new StringBuilder(7), micros, fsp).toString();
    }

    private static StringBuilder fraction(StringBuilder sb, long micros, int fsp) {
        if (fsp <= 0) {
            return sb;
        }
        int start = sb.append('.').length();
        pad(sb, micros, 6);
        sb.setLength(start + Math.min(6, fsp));
        return sb;
    }

    /**
     * Appends {@code value} zero-padded to {@code width} digits, as {@code %0<width>d} would (String.format
     * parsed its pattern on every call: it was half the binlog thread's time under a burst of DATETIME rows).
     */
    static StringBuilder pad(StringBuilder sb, long value, int width) {
        if (value < 0) {
            return sb.append(String.format("%0" + width + "d", value));
        }
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
