package io.oscar.engine.sql;

import java.util.Objects;

/**
 * How one column enters the row text of a checksum ({@link ChecksumSql}): its name on that side and the
 * form its value is turned into text with. The original and the ghost use the same form for a column pair,
 * so an allowed type change (int to bigint, latin1 to utf8mb4, datetime to datetime(6)) gives equal text.
 *
 * @param scale  the decimal places of {@link Form#DECIMAL}; 0 otherwise
 * @param hashed whether the value enters the row as its length and CRC32 rather than inline: for TEXT/BLOB
 *               columns, whose inline text could pass max_allowed_packet (CONCAT then returns NULL, and the row
 *               would silently drop out of the checksum). CRC32, not MD5: the row's own checksum is a CRC32, so
 *               a stronger inner hash would not make a difference more likely to show, and MD5 cost 40% of
 *               a whole checksum (1M rows of 100-byte text: 2.0 s of MD5 against 0.7 s of CRC32)
 */
public record ColumnText(String column, Form form, int scale, boolean hashed) {

    /** The text a value becomes. Every form turns equal values on both sides into equal text. */
    public enum Form {
        /** The server's own text: integers, same-scale decimals, floats (their shortest text), dates, years. */
        AS_IS,
        /** {@code CONVERT(c USING utf8mb4)}: characters, not bytes, so latin1 'é' equals utf8mb4 'é'. */
        CHARACTERS,
        /** {@code HEX(c)}: exact bytes (binary, blob, geometry), never re-read in a character set. */
        BYTES,
        /** {@code c + 0}: a BIT value as its number, whatever its width. */
        BITS,
        /** {@code CAST(c AS DATETIME(6))}: datetime and datetime(6) (and timestamp) give the same text. */
        DATETIME6,
        /** {@code CAST(c AS TIME(6))}: time and time(n) give the same text. */
        TIME6,
        /** {@code CAST(c AS DECIMAL(65, scale))}: decimal(10,2) and decimal(12,3) give the same text. */
        DECIMAL
    }

    public ColumnText {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(form, "form");
        if (scale < 0 || scale > 38 || (scale != 0 && form != Form.DECIMAL)) {
            throw new IllegalArgumentException("scale " + scale + " with form " + form);
        }
    }

    public static ColumnText of(String column, Form form) {
        return new ColumnText(column, form, 0, false);
    }

    /** The same form for another column name (the ghost's name of the column). */
    public ColumnText named(String other) {
        return new ColumnText(other, form, scale, hashed);
    }

    /**
 * The column's piece of the row text: {@code N} for NULL, else {@code <characters>:<text>} (or
     * {@code <characters>#<crc32>;} when hashed). Decodable from the left, so NULL, '' and 'NULL' differ and no
     * value can move across a column boundary ('a','bc' is {@code 1:a2:bc}, 'ab','c' is {@code 2:ab1:c}).
     */
    String token() {
        if (hashed) {
            String t = form == Form.BYTES ? Identifiers.quote(column) : text();
            return "COALESCE(CONCAT(CHAR_LENGTH(" + t + "), '#', CRC32(" + t + "), ';'), 'N')";
        }
        String t = text();
        return "COALESCE(CONCAT(CHAR_LENGTH(" + t + "), ':', " + t + "), 'N')";
    }

    private String text() {
        String c = Identifiers.quote(column);
        return switch (form) {
            case AS_IS -> c;
            case CHARACTERS -> "CONVERT(" + c + " USING utf8mb4)";
            case BYTES -> "HEX(" + c + ")";
            case BITS -> "(" + c + " + 0)";
            case DATETIME6 -> "CAST(" + c + " AS DATETIME(6))";
            case TIME6 -> "CAST(" + c + " AS TIME(6))";
            case DECIMAL -> "CAST(" + c + " AS DECIMAL(65, " + scale + "))";
        };
    }
}
