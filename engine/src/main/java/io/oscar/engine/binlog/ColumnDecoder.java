package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.Column;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one column's raw binlog value (as mysql-binlog-connector-java delivers it with
 * {@code DATE_AND_TIME_AS_LONG_MICRO}, {@code CHAR_AND_BINARY_AS_BYTE_ARRAY} and
 * {@code INVALID_DATE_AND_TIME_AS_MIN_VALUE}) into a value that JDBC binds back exactly:
 * <ul>
 *   <li>signed integers: Integer (Long for BIGINT); unsigned: Integer up to MEDIUMINT, Long for INT,
 *       BigInteger for BIGINT (the binlog carries them as signed two's complement);</li>
 *   <li>DECIMAL: BigDecimal; FLOAT: Float; DOUBLE: Double; YEAR: Integer (0 for 0000);</li>
 *   <li>DATE, TIME, DATETIME, TIMESTAMP: String literals with the column's fractional digits;
 *       TIMESTAMP in UTC (bind with session {@code time_zone='+00:00'}), see {@link TemporalText};</li>
 *   <li>CHAR, VARCHAR, TEXT (and MariaDB JSON, a LONGTEXT): String decoded with the column's charset;
 *       binary-charset text, BINARY (right-padded with 0x00 to its length), VARBINARY, BLOB: byte[];</li>
 *   <li>MySQL JSON: its text ({@link JsonBinary#parseAsString}); ENUM: the label; SET: labels joined by commas;</li>
 *   <li>BIT: Long (BigInteger when BIT(64) has its top bit set); NULL: null.</li>
 * </ul>
 * Pure: no I/O, no state after construction.
 */
public final class ColumnDecoder {
    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    private enum Kind {
        INTEGER, UNSIGNED_TINY, UNSIGNED_SMALL, UNSIGNED_MEDIUM, UNSIGNED_INT, UNSIGNED_BIG, PASS, YEAR,
        DATE, TIME, DATETIME, TIMESTAMP, TEXT, BYTES, FIXED_BYTES, JSON, ENUM, SET, BIT
    }

    private final Column column;
    private final Kind kind;
    private final int length;
    private final Function<byte[], String> charset;
    private final String[] labels;

    private ColumnDecoder(Column column, Kind kind, int length, Function<byte[], String> charset, String[] labels) {
        this.column = column;
        this.kind = kind;
        this.length = length;
        this.charset = charset;
        this.labels = labels;
    }

    public static ColumnDecoder of(Column column) {
        String type = column.dataType().toLowerCase(Locale.ROOT);
        int len = declaredLength(column.columnType());
        return switch (type) {
            case "tinyint" -> integer(column, Kind.UNSIGNED_TINY);
            case "smallint" -> integer(column, Kind.UNSIGNED_SMALL);
            case "mediumint" -> integer(column, Kind.UNSIGNED_MEDIUM);
            case "int", "integer" -> integer(column, Kind.UNSIGNED_INT);
            case "bigint" -> integer(column, Kind.UNSIGNED_BIG);
            case "decimal", "numeric", "float", "double", "real" -> simple(column, Kind.PASS, 0);
            case "year" -> simple(column, Kind.YEAR, 0);
            case "date" -> simple(column, Kind.DATE, 0);
            case "time" -> simple(column, Kind.TIME, len);
            case "datetime" -> simple(column, Kind.DATETIME, len);
            case "timestamp" -> simple(column, Kind.TIMESTAMP, len);
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" -> text(column);
            case "binary" -> simple(column, Kind.FIXED_BYTES, len < 0 ? 1 : len);
            case "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> simple(column, Kind.BYTES, 0);
            case "json" -> simple(column, Kind.JSON, 0);
            case "enum" -> new ColumnDecoder(column, Kind.ENUM, 0, null, EnumLabels.parse(column.columnType()));
            case "set" -> new ColumnDecoder(column, Kind.SET, 0, null, EnumLabels.parse(column.columnType()));
            case "bit" -> simple(column, Kind.BIT, 0);
            default -> throw new OscarException(ErrorCode.BINLOG_FAILED, "column " + column.name() + " has type "
                    + column.columnType() + ", which oscar cannot yet decode from the binlog");
        };
    }

    public Column column() {
        return column;
    }

    /** The JDBC-bindable value of a raw binlog cell; null stays null. */
    public Object decode(Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return convert(raw);
        } catch (ClassCastException | IOException | ArrayIndexOutOfBoundsException e) {
            throw new OscarException(ErrorCode.BINLOG_FAILED, "cannot decode column " + column.name() + " ("
                    + column.columnType() + ") from a binlog value of type " + raw.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    private Object convert(Object raw) throws IOException {
        return switch (kind) {
            case INTEGER, PASS -> raw;
            case UNSIGNED_TINY -> ((Number) raw).intValue() & 0xFF;
            case UNSIGNED_SMALL -> ((Number) raw).intValue() & 0xFFFF;
            case UNSIGNED_MEDIUM -> ((Number) raw).intValue() & 0xFFFFFF;
            case UNSIGNED_INT -> ((Number) raw).longValue() & 0xFFFF_FFFFL;
            case UNSIGNED_BIG -> unsignedLong(((Number) raw).longValue());
            case YEAR -> ((Number) raw).intValue() == 1900 ? 0 : ((Number) raw).intValue();
            case DATE -> TemporalText.date((Long) raw);
            case TIME -> TemporalText.time((Long) raw, length);
            case DATETIME -> TemporalText.dateTime((Long) raw, length);
            case TIMESTAMP -> TemporalText.timestampUtc((Long) raw, length);
            case TEXT -> raw instanceof byte[] b ? charset.apply(b) : raw.toString();
            case BYTES -> bytes(raw);
            case FIXED_BYTES -> Arrays.copyOf(bytes(raw), Math.max(length, bytes(raw).length));
            case JSON -> raw instanceof byte[] b ? JsonBinary.parseAsString(b) : raw.toString();
            case ENUM -> enumLabel(((Number) raw).intValue());
            case SET -> setLabels(((Number) raw).longValue());
            case BIT -> bits((BitSet) raw);
        };
    }

    private static ColumnDecoder integer(Column column, Kind unsignedKind) {
        return simple(column, column.unsigned() ? unsignedKind : Kind.INTEGER, 0);
    }

    private static ColumnDecoder simple(Column column, Kind kind, int length) {
        return new ColumnDecoder(column, kind, length, null, null);
    }

    /** Text in the binary charset (e.g. {@code varchar(10) character set binary}) stays bytes. */
    private static ColumnDecoder text(Column column) {
        Function<byte[], String> cs = MysqlCharsets.decoder(column.charset());
        return cs == null ? simple(column, Kind.BYTES, 0) : new ColumnDecoder(column, Kind.TEXT, 0, cs, null);
    }

    private static int declaredLength(String columnType) {
        Matcher m = LENGTH.matcher(columnType == null ? "" : columnType);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static BigInteger unsignedLong(long v) {
        BigInteger b = BigInteger.valueOf(v);
        return v >= 0 ? b : b.add(BigInteger.ONE.shiftLeft(64));
    }

    private static byte[] bytes(Object raw) {
        return raw instanceof byte[] b ? b : raw.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Index 0 is the empty "error" value MySQL stores for an invalid ENUM in non-strict mode. */
    private String enumLabel(int index) {
        return index == 0 ? "" : labels[index - 1];
    }

    private String setLabels(long mask) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.length && i < 64; i++) {
            if ((mask & (1L << i)) != 0) {
                out.append(out.length() == 0 ? "" : ",").append(labels[i]);
            }
        }
        return out.toString();
    }

    private static Object bits(BitSet bits) {
        long[] words = bits.toLongArray();
        long v = words.length == 0 ? 0 : words[0];
        return v >= 0 ? (Object) v : unsignedLong(v);
    }
}
