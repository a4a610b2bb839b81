package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer.CompatibilityMode;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * oscar's row-event deserializers for mysql-binlog-connector-java. Two reasons to replace the library's:
 * <ul>
 * <li>Rows of tables nobody subscribed to are skipped unread. During a copy the binlog carries every
 * row the copy writes into the ghost (a million rows for a million-row table) and the library would
 * decode each one, only for the dispatcher to drop it: that CPU is taken from the server on the same
 * host. The table id is read first and the rest of the event is left to the block skip.</li>
 * <li>TIME(n) (TIME2 format) is read as signed microseconds. 0.30.1 ignores the sign and returns a
 * wrong, sometimes still valid, time for negative TIME values ({@code -00:00:01} came back as
 * {@code 1024:04:03}). Decoding follows MySQL's {@code my_time_packed_from_binary}.</li>
 * </ul>
 * A skipped event arrives with its table id and no rows.
 */
final class RowEventDeserializers {
    private static final long TIMEF_INT_OFS = 0x800000L;
    private static final long TIMEF_OFS = 0x800000000000L;

    private RowEventDeserializers() {
    }

    /** Every row event decoded: for tests and tools that want all tables. */
    static EventDeserializer eventDeserializer() {
        return eventDeserializer(map -> true);
    }

    /**
     * The library's default deserializers, with the three row kinds replaced, in oscar's compatibility
     * modes; rows are decoded only for tables whose table map {@code wanted} accepts.
     */
    static EventDeserializer eventDeserializer(Predicate<TableMapEventData> wanted) {
        EventDeserializer defaults = new EventDeserializer();
        Map<EventType, EventDataDeserializer> byType = new EnumMap<>(EventType.class);
        for (EventType t : EventType.values()) {
            EventDataDeserializer d = defaults.getEventDataDeserializer(t);
            if (d != null && !(d instanceof NullEventDataDeserializer)) {
                byType.put(t, d);
            }
        }
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        Predicate<Long> decode = id -> {
            TableMapEventData map = tableMaps.get(id);
            return map == null || wanted.test(map);
        };
        byType.put(EventType.WRITE_ROWS, new Write(tableMaps, decode, false));
        byType.put(EventType.EXT_WRITE_ROWS, new Write(tableMaps, decode, true));
        byType.put(EventType.UPDATE_ROWS, new Update(tableMaps, decode, false));
        byType.put(EventType.EXT_UPDATE_ROWS, new Update(tableMaps, decode, true));
        byType.put(EventType.DELETE_ROWS, new Delete(tableMaps, decode, false));
        byType.put(EventType.EXT_DELETE_ROWS, new Delete(tableMaps, decode, true));
        EventDeserializer d = new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(),
                byType, tableMaps);
        d.setCompatibilityMode(CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY, CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        return d;
    }

    /** The rows event's header up to its column bitmaps (the same for the three kinds): the table id, or -1 to skip. */
    private static long tableId(ByteArrayInputStream in, boolean extraInformation, Predicate<Long> decode) throws IOException {
        long id = in.readLong(6);
        in.skip(2); // flags
        if (extraInformation) {
            int extraInfoLength = in.readInteger(2);
            in.skip(extraInfoLength - 2);
        }
        return decode.test(id) ? id : -1 - id;
    }

    /** The table id, column bitmap and rows of a rows event with one image per row (write, delete). */
    private record OneImage(long tableId, BitSet columns, List<Serializable[]> rows) {
    }

    @FunctionalInterface
    private interface RowReader {
        Serializable[] read(long tableId, BitSet columns, ByteArrayInputStream in) throws IOException;
    }

    /** Reads a write or delete rows event; an unwanted table's comes back with its id and no rows or columns. */
    private static OneImage oneImage(ByteArrayInputStream in, boolean extra, Predicate<Long> decode, RowReader reader)
            throws IOException {
        long id = tableId(in, extra, decode);
        List<Serializable[]> rows = new ArrayList<>();
        if (id < 0) {
            return new OneImage(skipped(id), null, rows);
        }
        BitSet columns = in.readBitSet(in.readPackedInteger(), true);
        while (in.available() > 0) {
            rows.add(reader.read(id, columns, in));
        }
        return new OneImage(id, columns, rows);
    }

    private static long skipped(long marked) {
        return -1 - marked;
    }

    /** Signed microseconds of a TIME2 value with {@code meta} fractional digits. */
    static long readTime2(int meta, ByteArrayInputStream in) throws IOException {
        long packed;
        if (meta >= 5) {
            packed = bigEndian(in.read(6)) - TIMEF_OFS;
        } else {
            long intPart = bigEndian(in.read(3)) - TIMEF_INT_OFS;
            long frac = 0;
            if (meta == 1 || meta == 2) {
                frac = in.read(1)[0] & 0xFF;
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                frac *= 10_000;
            } else if (meta == 3 || meta == 4) {
                frac = bigEndian(in.read(2));
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                frac *= 100;
            }
            packed = (intPart << 24) + frac;
        }
        long abs = Math.abs(packed);
        long hms = abs >> 24;
        long micros = abs % (1L << 24);
        long seconds = ((hms >> 12) % 1024) * 3600 + ((hms >> 6) % 64) * 60 + hms % 64;
        long value = seconds * 1_000_000L + micros;
        return packed < 0 ? -value : value;
    }

    private static long bigEndian(byte[] bytes) {
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    static final class Write extends WriteRowsEventDataDeserializer {
        private final Predicate<Long> decode;
        private final boolean extra;

        Write(Map<Long, TableMapEventData> tableMaps, Predicate<Long> decode, boolean extra) {
            super(tableMaps);
            this.decode = decode;
            this.extra = extra;
        }

        @Override
        public WriteRowsEventData deserialize(ByteArrayInputStream in) throws IOException {
            OneImage rows = oneImage(in, extra, decode, this::deserializeRow);
            WriteRowsEventData data = new WriteRowsEventData();
            data.setTableId(rows.tableId());
            data.setIncludedColumns(rows.columns());
            data.setRows(rows.rows());
            return data;
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return readTime2(meta, in);
        }
    }

    static final class Update extends UpdateRowsEventDataDeserializer {
        private final Predicate<Long> decode;
        private final boolean extra;

        Update(Map<Long, TableMapEventData> tableMaps, Predicate<Long> decode, boolean extra) {
            super(tableMaps);
            this.decode = decode;
            this.extra = extra;
        }

        @Override
        public UpdateRowsEventData deserialize(ByteArrayInputStream in) throws IOException {
            UpdateRowsEventData data = new UpdateRowsEventData();
            long id = tableId(in, extra, decode);
            data.setRows(new ArrayList<>());
            if (id < 0) {
                data.setTableId(skipped(id));
                return data;
            }
            data.setTableId(id);
            int columns = in.readPackedInteger();
            data.setIncludedColumnsBeforeUpdate(in.readBitSet(columns, true));
            data.setIncludedColumns(in.readBitSet(columns, true));
            while (in.available() > 0) {
                Serializable[] before = deserializeRow(id, data.getIncludedColumnsBeforeUpdate(), in);
                Serializable[] after = deserializeRow(id, data.getIncludedColumns(), in);
                data.getRows().add(new AbstractMap.SimpleEntry<>(before, after));
            }
            return data;
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return readTime2(meta, in);
        }
    }

    static final class Delete extends DeleteRowsEventDataDeserializer {
        private final Predicate<Long> decode;
        private final boolean extra;

        Delete(Map<Long, TableMapEventData> tableMaps, Predicate<Long> decode, boolean extra) {
            super(tableMaps);
            this.decode = decode;
            this.extra = extra;
        }

        @Override
        public DeleteRowsEventData deserialize(ByteArrayInputStream in) throws IOException {
            OneImage rows = oneImage(in, extra, decode, this::deserializeRow);
            DeleteRowsEventData data = new DeleteRowsEventData();
            data.setTableId(rows.tableId());
            data.setIncludedColumns(rows.columns());
            data.setRows(rows.rows());
            return data;
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return readTime2(meta, in);
        }
    }
}
