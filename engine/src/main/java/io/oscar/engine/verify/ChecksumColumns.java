package io.oscar.engine.verify;

import io.oscar.engine.schema.Column;
import io.oscar.engine.sql.ColumnText;
import io.oscar.engine.sql.ColumnText.Form;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses, for a column of the original and its ghost counterpart, the one text form both sides are
 * checksummed with. The form follows the wider kind of the two types, so a change the copy makes
 * without changing the value compares equal: int to bigint (same digits), varchar(10) to varchar(20),
 * latin1 to utf8mb4 (compared as characters), datetime to datetime(6) and time to time(3) (both cast to
 * six fractional digits), decimal(10,2) to decimal(12,3) (both cast to the larger scale), bit(3) to bit(8).
 * A change that does alter the text is reported: float to double (0.1 becomes 0.10000000149011612),
 * char to binary padding, a narrowed character set that turned characters into '?'. A column the ALTER
 * left as it was (same type, character set and collation) goes in as it is: no conversion to pay for on
 * every row, and the same expression on both sides gives the same text.
 */
final class ChecksumColumns {
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob",
            "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
            "geometrycollection");
    private static final Set<String> CHARACTER = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set", "json");
    private static final Set<String> LARGE = Set.of("text", "mediumtext", "longtext", "json", "blob", "mediumblob", "longblob");
    /** Types whose server text is digits, signs, points, exponents, dashes, colons and spaces: never a ','. */
    private static final Set<String> DELIMITED = Set.of("decimal", "numeric", "float", "double", "real",
            "date", "datetime", "timestamp", "time", "year");
    private static final Pattern SCALE = Pattern.compile("\\(\\s*\\d+\\s*,\\s*(\\d+)\\s*\\)");

    private ChecksumColumns() {
    }

    /** The original column's text; the ghost's is the same form under the ghost's name ({@link ColumnText#named}). */
    static ColumnText original(Column original, Column ghost) {
        String a = type(original);
        String b = type(ghost);
        boolean hashed = LARGE.contains(a) || LARGE.contains(b);
        boolean nullable = original.nullable() || ghost.nullable();
        if (unchanged(original, ghost)) {
            return new ColumnText(original.name(), Form.AS_IS, 0, hashed, nullable, delimited(a) && delimited(b));
        }
        if (exact(a) && exact(b) && scale(original) != scale(ghost)) {
            return new ColumnText(original.name(), Form.DECIMAL, Math.max(scale(original), scale(ghost)), false, nullable, true);
        }
        Form form = form(a, b);
        boolean delimited = switch (form) {
            case AS_IS -> delimited(a) && delimited(b);
            case CHARACTERS -> false;
            case BYTES, BITS, DATETIME6, TIME6, DECIMAL -> true;   // hex digits, a number, a date or time
        };
        return new ColumnText(original.name(), form, 0, hashed, nullable, delimited);
    }

    private static boolean delimited(String type) {
        return Column.INTEGER_TYPES.contains(type) || DELIMITED.contains(type);
    }

    private static Form form(String a, String b) {
        if (BINARY.contains(a) || BINARY.contains(b)) {
            return Form.BYTES;
        }
        if (CHARACTER.contains(a) || CHARACTER.contains(b)) {
            return Form.CHARACTERS;
        }
        if (either(a, b, "datetime") || either(a, b, "timestamp")) {
            return Form.DATETIME6;
        }
        if (either(a, b, "time")) {
            return Form.TIME6;
        }
        if (either(a, b, "bit")) {
            return Form.BITS;
        }
        return Form.AS_IS;
    }

    private static boolean unchanged(Column a, Column b) {
        return a.columnType() != null && a.columnType().equalsIgnoreCase(b.columnType())
                && java.util.Objects.equals(a.charset(), b.charset()) && java.util.Objects.equals(a.collation(), b.collation());
    }

    private static boolean either(String a, String b, String type) {
        return a.equals(type) || b.equals(type);
    }

    private static String type(Column c) {
        return c.dataType().toLowerCase(Locale.ROOT);
    }

    private static boolean exact(String type) {
        return Column.INTEGER_TYPES.contains(type) || type.equals("decimal") || type.equals("numeric");
    }

    /** Decimal places from the column type ({@code decimal(12,3) unsigned} is 3); integers have none. */
    static int scale(Column c) {
        if (c.columnType() == null) {
            return 0;
        }
        Matcher m = SCALE.matcher(c.columnType());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
