package io.oscar.engine.alter;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a column definition as JSqlParser reads it ({@code bigint unsigned NOT NULL AUTO_INCREMENT AFTER a})
 * into a {@link Column} as information_schema would describe it, plus what the definition says beyond
 * the column: an inline key and a position.
 */
final class ColumnDefinitions {

    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext",
            "longtext", "enum", "set");

    private static final Set<String> KNOWN_TYPES = Set.of("bit", "tinyint", "smallint", "mediumint", "int", "bigint",
            "decimal", "float", "double", "date", "datetime", "timestamp", "time", "year", "char", "varchar", "binary",
            "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set", "json", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
            "multipolygon", "geometrycollection", "geomcollection", "uuid", "inet4", "inet6", "vector");

    /** Where a definition places its column: {@code FIRST}, {@code AFTER x}, or unchanged (both null/false). */
    record Position(boolean first, String after) {
        static final Position UNCHANGED = new Position(false, null);

        boolean given() {
            return first || after != null;
        }
    }

    /**
     * @param ignored attributes the model does not represent (COMMENT, INVISIBLE...): the server applies them
     */
    record ColumnSpec(Column column, boolean primaryKey, boolean uniqueKey, Position position, List<String> ignored) {
    }

    /** The table defaults a text column inherits when its definition names no charset or collation. */
    record TableDefaults(String charset, String collation) {
    }

    private ColumnDefinitions() {
    }

    static ColumnSpec read(ColumnDefinition def, TableDefaults defaults) {
        String name = Names.unquote(def.getColumnName());
        ColDataType type = def.getColDataType();
        String columnType = columnType(type);
        String dataType = baseType(columnType);
        if (!KNOWN_TYPES.contains(dataType)) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "column '" + name + "': unknown data type '" + dataType
                    + "' (note CHANGE takes the old and the new name: CHANGE old_name new_name type ...)");
        }
        Attributes a = Attributes.read(def.getColumnSpecs() == null ? List.of() : def.getColumnSpecs());
        String charset = type.getCharacterSet() != null ? type.getCharacterSet() : a.charset;
        String collation = a.collation;
        if (TEXT_TYPES.contains(dataType)) {
            if (charset == null && collation != null) {
                charset = collation.contains("_") ? collation.substring(0, collation.indexOf('_')) : null;
            }
            if (charset == null) {
                charset = defaults.charset();
                collation = collation != null ? collation : defaults.collation();
            }
        } else {
            charset = null;
            collation = null;
        }
        boolean nullable = !a.notNull && !a.primaryKey;
        Column column = new Column(name, dataType, columnType, nullable, a.defaultValue, a.extra(),
                a.generationExpression, lower(charset), lower(collation));
        return new ColumnSpec(column, a.primaryKey, a.uniqueKey, a.position, a.ignored);
    }

    /** {@code decimal (10, 2) UNSIGNED ZEROFILL} -> {@code decimal(10,2) unsigned zerofill}; aliases resolved. */
    static String columnType(ColDataType type) {
        String base = type.getDataType().toLowerCase(Locale.ROOT).replaceAll("\\s*\\(\\s*", "(")
                .replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\)", ")").strip();
        base = alias(base);
        StringBuilder sb = new StringBuilder(base);
        if (type.getArgumentsStringList() != null && !type.getArgumentsStringList().isEmpty() && !base.contains("(")) {
            sb.append('(').append(String.join(",", type.getArgumentsStringList())).append(')');
        }
        if (type.getSignedness() == ColDataType.Signedness.UNSIGNED || type.isZerofill()) {
            sb.append(" unsigned");
        }
        if (type.isZerofill()) {
            sb.append(" zerofill");
        }
        return sb.toString();
    }

    private static String alias(String base) {
        String word = base.contains("(") ? base.substring(0, base.indexOf('(')) : base;
        String rest = base.substring(word.length());
        String canonical = switch (word) {
            case "integer" -> "int";
            case "bool", "boolean" -> "tinyint";
            case "dec", "numeric", "fixed" -> "decimal";
            case "double precision", "real" -> "double";
            default -> word;
        };
        if (word.equals("bool") || word.equals("boolean")) {
            rest = "(1)";
        }
        return canonical + rest;
    }

    /** The lower-case base type of a column type: {@code int(11) unsigned} -> {@code int}. */
    static String baseType(String columnType) {
        String t = columnType.toLowerCase(Locale.ROOT).strip();
        int cut = 0;
        while (cut < t.length() && (Character.isLetterOrDigit(t.charAt(cut)) || t.charAt(cut) == '_')) {
            cut++;
        }
        return t.substring(0, cut);
    }

    /**
     * Whether two column types store the same values: case, spacing and integer display widths
     * ({@code int(11)} vs {@code int}) do not count; anything else does.
     */
    static boolean sameType(String a, String b) {
        return normalType(a).equals(normalType(b));
    }

    static String normalType(String t) {
        if (t == null) {
            return "";
        }
        String s = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("\\s*([(),])\\s*", "$1").strip();
        s = s.replaceFirst("^integer\\b", "int");
        return s.replaceFirst("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** The attribute words after the type, read left to right. */
    private static final class Attributes {
        boolean notNull;
        boolean primaryKey;
        boolean uniqueKey;
        boolean autoIncrement;
        String defaultValue;
        String onUpdate;
        String generationExpression;
        String generatedKind;
        String charset;
        String collation;
        Position position = Position.UNCHANGED;
        final List<String> ignored = new ArrayList<>();

        static Attributes read(List<String> specs) {
            Attributes a = new Attributes();
            int i = 0;
            while (i < specs.size()) {
                i = a.readOne(specs, i);
            }
            return a;
        }

        private int readOne(List<String> s, int i) {
            String w = s.get(i).toUpperCase(Locale.ROOT);
            String next = i + 1 < s.size() ? s.get(i + 1) : null;
            String nextUp = next == null ? "" : next.toUpperCase(Locale.ROOT);
            int after = readValueAndKeys(w, next, nextUp, i);
            if (after < 0) {
                after = readOther(s, w, next, nextUp, i);
            }
            if (after < 0) {
                ignored.add(s.get(i));
                return i + 1;
            }
            return after;
        }

        /** NULL, NOT NULL, DEFAULT, AUTO_INCREMENT and inline keys; -1 when the word is none of them. */
        private int readValueAndKeys(String w, String next, String nextUp, int i) {
            switch (w) {
                case "NOT":
                    notNull = nextUp.equals("NULL") || notNull;
                    return nextUp.equals("NULL") ? i + 2 : -1;
                case "NULL":
                    notNull = false;
                    return i + 1;
                case "DEFAULT":
                    defaultValue = next == null || nextUp.equals("NULL") ? null : next;
                    return i + 2;
                case "AUTO_INCREMENT":
                    autoIncrement = true;
                    return i + 1;
                case "PRIMARY", "KEY":
                    // a bare KEY in a column definition means PRIMARY KEY
                    primaryKey = true;
                    return w.equals("PRIMARY") && nextUp.equals("KEY") ? i + 2 : i + 1;
                case "UNIQUE":
                    uniqueKey = true;
                    return nextUp.equals("KEY") ? i + 2 : i + 1;
                default:
                    return -1;
            }
        }

        /** ON UPDATE, charset, collation, generation, position, comment; -1 when the word is none of them. */
        private int readOther(List<String> s, String w, String next, String nextUp, int i) {
            switch (w) {
                case "ON":
                    if (!nextUp.equals("UPDATE") || i + 2 >= s.size()) {
                        return -1;
                    }
                    onUpdate = s.get(i + 2);
                    return i + 3;
                case "COLLATE":
                    collation = Names.unquote(next);
                    return i + 2;
                case "CHARSET":
                    charset = Names.unquote(next);
                    return i + 2;
                case "CHARACTER":
                    if (!nextUp.equals("SET") || i + 2 >= s.size()) {
                        return -1;
                    }
                    charset = Names.unquote(s.get(i + 2));
                    return i + 3;
                case "GENERATED":
                    return nextUp.equals("ALWAYS") ? i + 2 : i + 1;
                case "AS":
                    return readGenerated(s, i);
                case "FIRST":
                    position = new Position(true, null);
                    return i + 1;
                case "AFTER":
                    position = new Position(false, Names.unquote(next));
                    return i + 2;
                case "COMMENT":
                    return i + 2;
                default:
                    return -1;
            }
        }

        private int readGenerated(List<String> s, int i) {
            String expr = i + 1 < s.size() ? s.get(i + 1).strip() : "";
            if (expr.startsWith("(") && expr.endsWith(")")) {
                expr = expr.substring(1, expr.length() - 1).strip();
            }
            generationExpression = expr;
            generatedKind = "VIRTUAL";
            int j = i + 2;
            if (j < s.size()) {
                String kind = s.get(j).toUpperCase(Locale.ROOT);
                if (kind.equals("STORED") || kind.equals("PERSISTENT") || kind.equals("VIRTUAL")) {
                    generatedKind = kind.equals("VIRTUAL") ? "VIRTUAL" : "STORED";
                    j++;
                }
            }
            return j;
        }

        String extra() {
            List<String> parts = new ArrayList<>();
            if (autoIncrement) {
                parts.add("auto_increment");
            }
            if (onUpdate != null) {
                parts.add("on update " + onUpdate.toLowerCase(Locale.ROOT));
            }
            if (generationExpression != null) {
                parts.add(generatedKind + " GENERATED");
            }
            return String.join(" ", parts);
        }
    }
}
