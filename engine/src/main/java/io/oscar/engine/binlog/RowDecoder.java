package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.TableSchema;

import java.io.Serializable;
import java.util.BitSet;
import java.util.List;

/**
 * Maps the cells of one table's row events onto the columns of its {@link TableSchema}. Built from
 * each TABLE_MAP event: by name when the server logs them (binlog_row_metadata=FULL), else by position.
 * Refuses a table map whose column count differs from the schema: the table changed under oscar.
 */
final class RowDecoder {
    private final TableSchema schema;
    private final ColumnDecoder[] decoders;
    /** eventToSchema[i] = index in schema.columns() of the event's i-th column. */
    private final int[] eventToSchema;

    private RowDecoder(TableSchema schema, ColumnDecoder[] decoders, int[] eventToSchema) {
        this.schema = schema;
        this.decoders = decoders;
        this.eventToSchema = eventToSchema;
    }

    static RowDecoder of(TableSchema schema, List<ColumnDecoder> decoders, TableMapEventData map) {
        int eventColumns = map.getColumnTypes().length;
        List<Column> columns = schema.columns();
        if (eventColumns != columns.size()) {
            throw new OscarException(ErrorCode.BINLOG_FAILED, "the binlog has " + eventColumns + " columns for "
                    + schema.name() + " but oscar inspected " + columns.size() + ": the table was altered while "
                    + "oscar streamed it; stop any other ALTER on it and start again");
        }
        List<String> names = map.getEventMetadata() == null ? null : map.getEventMetadata().getColumnNames();
        int[] eventToSchema = new int[eventColumns];
        for (int i = 0; i < eventColumns; i++) {
            eventToSchema[i] = names == null || names.isEmpty() ? i : indexOf(schema, names.get(i));
        }
        return new RowDecoder(schema, decoders.toArray(ColumnDecoder[]::new), eventToSchema);
    }

    private static int indexOf(TableSchema schema, String name) {
        List<Column> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new OscarException(ErrorCode.BINLOG_FAILED, "the binlog has a column '" + name + "' in " + schema.name()
                + " that oscar did not inspect: the table was altered while oscar streamed it; start again");
    }

    TableSchema schema() {
        return schema;
    }

    /** One row image: only the columns set in {@code included} are present in {@code cells}, in order. */
    Object[] decode(BitSet included, Serializable[] cells) {
        Object[] row = new Object[decoders.length];
        int cell = 0;
        for (int i = 0; i < eventToSchema.length; i++) {
            if (included.get(i)) {
                int target = eventToSchema[i];
                row[target] = decoders[target].decode(cells[cell++]);
            }
        }
        return row;
    }
}
