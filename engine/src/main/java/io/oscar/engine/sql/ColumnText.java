package io.oscar.engine.sql;

import java.util.Objects;

/**
 * How one column enters the row text of a checksum ({@link ChecksumSql}): its name on that side and the
 * form its value is turned into text with. The original and the ghost use the same form for a column pair,
 * so an allowed type change (int to bigint, latin1 to utf8mb4, datetime to datetime(6)) gives equal text.
 *
 * @param scale  the decimal places of {@link Form#DECIMAL}; 0 otherwise
 * @param hashed    whether the value enters the row as its length and CRC32 rather than inline: for TEXT/BLOB
 *                  columns, whose inline text could pass max_allowed_packet (CONCAT then returns NULL, and the row
 *                  would silently drop out of the checksum). CRC32, not MD5: the row's own checksum is a CRC32, so
 *                  a stronger inner hash would not make a difference more likely to show, and MD5 cost 40% of
 *                  a whole checksum (1M rows of 100-byte text: 2.0 s of MD5 against 0.7 s of CRC32)
 * @param nullable  whether the column may be NULL on either side: only then is NULL spelled out ({@code IFNULL}),
 *                  since one NULL argument would make the whole row text NULL
 * @param delimited whether the value's text can never hold a {@code ','} (numbers, dates and times, hex digits),
 *                  so the separator alone ends it; any other text is prefixed with its length in bytes
 */
public record ColumnText(String column, Form form, int scale, boolean hashed, boolean nullable, boolean delimited) {

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

    /** A nullable column whose text is prefixed with its length: the form that fits any value. */
    public static ColumnText of(String column, Form form) {
        return new ColumnText(column, form, 0, false, true, false);
    }

    /** The same form for another column name (the ghost's name of the column). */
    public ColumnText named(String other) {
        return new ColumnText(other, form, scale, hashed, nullable, delimited);
    }

    /**
     * The column's arguments to the row's one flat {@code CONCAT} (a nested CONCAT per column cost 2.5 times as
     * much: 1M rows, 1.7 s against 0.67 s), each column ending in {@code ','}:
     * {@code <text>,} when delimited, else {@code <bytes>:<text>,} (or {@code <bytes>#<crc32>,} when hashed);
     * NULL is {@code N,} (or {@code N:,}, {@code N#,}). Decodable from the left, so NULL, '' and 'NULL' differ
     * and no value can move across a column boundary ('a','bc' is {@code 1:a,2:bc,}, 'ab','c' is
     * {@code 2:ab,1:c,}). LENGTH, not CHAR_LENGTH: bytes tell the boundary as well as characters, at half the cost.
     */
    String token() {
        String t = text();
        if (hashed) {
            String raw = form == Form.BYTES ? Identifiers.quote(column) : t;
            return orN("LENGTH(" + raw + ")") + ", '#', " + orEmpty("CRC32(" + raw + ")") + ", ','";
        }
        if (delimited) {
            return orN(t) + ", ','";
        }
        return orN("LENGTH(" + t + ")") + ", ':', " + orEmpty(t) + ", ','";
    }

    private String orN(String expression) {
        return nullable ? "IFNULL(" + expression + ", 'N')" : expression;
    }

    private String orEmpty(String expression) {
        return nullable ? "IFNULL(" + expression + ", '')" : expression;
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
