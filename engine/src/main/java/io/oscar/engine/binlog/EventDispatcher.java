package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.binlog.RowChange.Kind;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;

import java.io.Serializable;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs on the streaming thread: follows rotations, table maps and GTIDs, and turns row events of
 * subscribed tables into {@link RowChange}s handed straight to their listener, in binlog order.
 * Events of other tables are skipped. Knows nothing of the connection; failures go to the caller.
 */
final class EventDispatcher implements BinaryLogClient.EventListener {
    private final Map<TableName, Subscription> subscriptions;
    private final PositionTracker position;
    private final Map<Long, Bound> byTableId = new HashMap<>();
    private GtidTracker gtids;

    record Subscription(TableSchema schema, List<ColumnDecoder> decoders, RowChangeListener listener) {
    }

    private record Bound(Subscription subscription, RowDecoder decoder) {
    }

    EventDispatcher(Map<TableName, Subscription> subscriptions, PositionTracker position) {
        this.subscriptions = subscriptions;
        this.position = position;
    }

    /** Called on (re)connect, before any event: the flavor is known only then. */
    void connected(boolean mariaDb, String initialGtids) {
        if (gtids == null) {
            gtids = new GtidTracker(mariaDb, initialGtids);
        }
    }

    @Override
    public void onEvent(Event event) {
        if (position.stopped()) {
            return;
        }
        EventType type = event.getHeader().getEventType();
        switch (type) {
            case ROTATE -> rotate(event.getData());
            case TABLE_MAP -> tableMap(event.getData());
            case WRITE_ROWS, EXT_WRITE_ROWS -> writes(event, event.getData());
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> updates(event, event.getData());
            case DELETE_ROWS, EXT_DELETE_ROWS -> deletes(event, event.getData());
            case MARIADB_GTID -> mariaGtid(event);
            case GTID -> gtids.begin(((GtidEventData) event.getData()).getGtid());
            case XID -> gtids.commit();
            case QUERY -> query(event.getData());
            case TRANSACTION_PAYLOAD -> ((TransactionPayloadEventData) event.getData()).getUncompressedEvents()
                    .forEach(this::onEvent);
            default -> { }
        }
        advance(event);
    }

    private void advance(Event event) {
        if (event.getHeader() instanceof EventHeaderV4 h && h.getNextPosition() > 0
                && event.getHeader().getEventType() != EventType.ROTATE) {
            position.advance(h.getNextPosition(), gtids == null ? null : gtids.current());
        }
    }

    private void rotate(RotateEventData data) {
        position.rotate(data.getBinlogFilename(), data.getBinlogPosition());
    }

    private void tableMap(TableMapEventData map) {
        Subscription s = subscriptions.get(new TableName(map.getDatabase(), map.getTable()));
        if (s == null) {
            byTableId.remove(map.getTableId());
            return;
        }
        byTableId.put(map.getTableId(), new Bound(s, RowDecoder.of(s.schema(), s.decoders(), map)));
    }

    private void mariaGtid(Event event) {
        MariadbGtidEventData d = event.getData();
        // The event's own server id field reads 0 on 10.11: the header carries the originating server.
        gtids.begin(d.getDomainId(), event.getHeader().getServerId(), d.getSequence());
    }

    private void query(QueryEventData q) {
        String sql = q.getSql() == null ? "" : q.getSql().strip();
        if (!sql.equalsIgnoreCase("BEGIN")) {
            gtids.commit(); // COMMIT of a non-transactional group, or a DDL: both end their GTID
        }
        StatementWrites.writes(q.getDatabase(), sql, subscriptions.keySet()).ifPresent(hit -> {
            String statement = sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
            if (hit.verb().equals("TRUNCATE")) {
                throw new OscarException(ErrorCode.BINLOG_FAILED, hit.table() + " was truncated during the migration ("
                        + statement + "); oscar stopped it, nothing was swapped: run it again if the table should be migrated");
            }
            throw new OscarException(ErrorCode.BINLOG_FAILED, "a change to " + hit.table() + " reached the binlog as a"
                    + " statement, not as rows (a session still in binlog_format STATEMENT or MIXED: SET GLOBAL"
                    + " binlog_format=ROW reaches only new connections); oscar cannot apply it and stopped the migration,"
                    + " nothing was swapped. Reconnect the application's sessions (or restart the server with"
                    + " binlog_format=ROW), then run again. The statement: " + statement);
        });
    }

    private void writes(Event event, WriteRowsEventData data) {
        Bound b = byTableId.get(data.getTableId());
        if (b != null) {
            for (Serializable[] row : data.getRows()) {
                deliver(b, Kind.INSERT, null, b.decoder().decode(data.getIncludedColumns(), row), event);
            }
        }
    }

    private void updates(Event event, UpdateRowsEventData data) {
        Bound b = byTableId.get(data.getTableId());
        if (b != null) {
            BitSet beforeCols = data.getIncludedColumnsBeforeUpdate();
            for (Map.Entry<Serializable[], Serializable[]> row : data.getRows()) {
                deliver(b, Kind.UPDATE, b.decoder().decode(beforeCols, row.getKey()),
                        b.decoder().decode(data.getIncludedColumns(), row.getValue()), event);
            }
        }
    }

    private void deletes(Event event, DeleteRowsEventData data) {
        Bound b = byTableId.get(data.getTableId());
        if (b != null) {
            for (Serializable[] row : data.getRows()) {
                deliver(b, Kind.DELETE, b.decoder().decode(data.getIncludedColumns(), row), null, event);
            }
        }
    }

    private void deliver(Bound b, Kind kind, Object[] before, Object[] after, Event event) {
        long next = event.getHeader() instanceof EventHeaderV4 h ? h.getNextPosition() : 0;
        BinlogPosition at = position.peek(next, gtids == null ? null : gtids.current());
        b.subscription().listener().onChange(new RowChange(b.subscription().schema().name(), kind, before, after, at));
    }
}
