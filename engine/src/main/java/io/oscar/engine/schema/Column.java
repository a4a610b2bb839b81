package io.oscar.engine.schema;

import java.util.Locale;
import java.util.Set;

/**
 * One column as information_schema describes it.
 *
 * @param dataType      lower-case base type: {@code int}, {@code bigint}, {@code varchar}, {@code datetime}...
 * @param columnType    the full type as the server prints it: {@code int(11) unsigned}, {@code enum('a','b')}
 * @param defaultValue  the default as SQL text that could follow {@code DEFAULT}: null for no default,
 *                      {@code NULL} for DEFAULT NULL, a quoted literal ({@code 'it''s'}), a number or bit
 *                      literal ({@code 5}, {@code b'101'}), or an expression ({@code current_timestamp(6)},
 *                      {@code (1 + 2)}); the same on MySQL and MariaDB (the inspector normalises it)
 * @param extra         {@code auto_increment}, {@code VIRTUAL GENERATED}, {@code on update current_timestamp()}...
 * @param generationExpression the expression of a generated column, or null
 * @param charset       character set of a text column, or null
 * @param collation     collation of a text column, or null
 */
public record Column(String name, String dataType, String columnType, boolean nullable, String defaultValue,
                     String extra, String generationExpression, String charset, String collation) {

    /** The integer types, by {@code dataType} in lower case. */
    public static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "mediumint", "int",
            "integer", "bigint");

    /** TINYINT to BIGINT, signed or not. */
    public boolean integer() {
        return dataType != null && INTEGER_TYPES.contains(dataType.toLowerCase(Locale.ROOT));
    }

    public boolean unsigned() {
        return columnType != null && columnType.toLowerCase().contains("unsigned");
    }

    public boolean autoIncrement() {
        return extra != null && extra.toLowerCase().contains("auto_increment");
    }

    /** Generated (virtual or stored) columns are computed by the server: never copied or written. */
    public boolean generated() {
        return generationExpression != null && !generationExpression.isBlank()
                || extra != null && extra.toUpperCase().contains("GENERATED");
    }

    /** The same column under another name (CHANGE a b ..., RENAME COLUMN). */
    public Column renamed(String newName) {
        return new Column(newName, dataType, columnType, nullable, defaultValue, extra, generationExpression, charset, collation);
    }
}
