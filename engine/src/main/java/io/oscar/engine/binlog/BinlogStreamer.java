package io.oscar.engine.binlog;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.ServerException;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Streams the row changes of subscribed tables from a server's binlog, starting at a position taken
 * BEFORE any copy begins (so no change is missed).
 *
 * <p>Delivery is a direct callback on the {@code oscar-binlog} thread, in binlog order, with no queue
 * here: the applier owns the one bounded queue in front of the ghost table (changes first, copy
 * second), and a slow listener simply slows the reading of the socket, while the server keeps the
 * binlog. A second queue would only add a hop and a place to lose ordering or errors.
 *
 * <p>A failure on the streaming thread (an undecodable value, a listener that throws, a server error
 * such as a purged binlog) stops delivery, is stored ({@link #failure()}, {@link #throwIfFailed()}),
 * reported to the failure listener, and wakes {@link #awaitPosition} callers. Network drops are
 * retried by the library's keep-alive from the last handled position.
 */
public final class BinlogStreamer implements AutoCloseable {
    private static final String THREAD = "oscar-binlog";

    private final ConnectionSpec source;
    private final long serverId;
    private final Map<TableName, EventDispatcher.Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicReference<OscarException> failure = new AtomicReference<>();
    private Duration heartbeat = Duration.ofSeconds(5);
    private Duration reconnectInterval = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Consumer<OscarException> failureListener = e -> { };
    private BinaryLogClient client;
    private PositionTracker tracker;

    /** A streamer with a random replication server id (each client needs its own). */
    public BinlogStreamer(ConnectionSpec source) {
        this(source, ThreadLocalRandom.current().nextLong(100_000_000L, 4_000_000_000L));
    }

    public BinlogStreamer(ConnectionSpec source, long serverId) {
        this.source = source;
        this.serverId = serverId;
    }

    /** Where the server's binlog is now: take it before the copy starts. */
    public static BinlogPosition currentPosition(Connection connection) {
        return PositionQuery.current(connection);
    }

    /** Changes of this table go to the listener. Subscribe before {@link #start}. */
    public BinlogStreamer subscribe(TableSchema table, RowChangeListener listener) {
        List<ColumnDecoder> decoders = table.columns().stream().map(ColumnDecoder::of).toList();
        subscriptions.put(table.name(), new EventDispatcher.Subscription(table, decoders, listener));
        return this;
    }

    /** How often an idle server sends a heartbeat; a silent link is reconnected after a few missed ones. */
    public BinlogStreamer setHeartbeatInterval(Duration interval) {
        this.heartbeat = interval;
        return this;
    }

    public BinlogStreamer setReconnectInterval(Duration interval) {
        this.reconnectInterval = interval;
        return this;
    }

    public BinlogStreamer setConnectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** Called once, on the streaming thread, when the stream fails. */
    public BinlogStreamer onFailure(Consumer<OscarException> listener) {
        this.failureListener = listener;
        return this;
    }

    /** Connects and starts streaming at {@code from}; returns once connected, or throws why not. */
    public synchronized void start(BinlogPosition from) {
        if (client != null) {
            throw new IllegalStateException("binlog streamer already started");
        }
        tracker = new PositionTracker(from);
        EventDispatcher dispatcher = new EventDispatcher(subscriptions, tracker);
        client = newClient(from);
        client.registerEventListener(event -> {
            try {
                dispatcher.onEvent(event);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
        CountDownLatch connected = new CountDownLatch(1);
        client.registerLifecycleListener(new Lifecycle(dispatcher, from, connected));
        Thread t = new Thread(() -> runClient(connected), THREAD);
        t.setDaemon(true);
        t.start();
        awaitConnected(connected);
    }

    private BinaryLogClient newClient(BinlogPosition from) {
        BinaryLogClient c = new BinaryLogClient(source.host(), source.port(), source.user(), source.password());
        c.setServerId(serverId);
        c.setBinlogFilename(from.file());
        c.setBinlogPosition(from.position());
        c.setKeepAlive(true);
        c.setKeepAliveInterval(reconnectInterval.toMillis());
        c.setHeartbeatInterval(heartbeat.toMillis());
        c.setConnectTimeout(connectTimeout.toMillis());
        c.setThreadFactory(r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
        // rows of other tables (the ghost the copy fills among them) are skipped undecoded
        c.setEventDeserializer(RowEventDeserializers.eventDeserializer(
                map -> subscriptions.containsKey(new TableName(map.getDatabase(), map.getTable()))));
        return c;
    }

    private void runClient(CountDownLatch connected) {
        try {
            client.connect();
        } catch (IOException | RuntimeException e) {
            fail(ConnectFailures.translate(source, e));
        } finally {
            connected.countDown();
        }
    }

    private void awaitConnected(CountDownLatch connected) {
        try {
            if (!connected.await(connectTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                close();
                throw new OscarException(ErrorCode.CONNECT_FAILED, "binlog connection to " + source.describe()
                        + " did not open within " + connectTimeout.toSeconds() + " s; is the server reachable?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new OscarException(ErrorCode.BINLOG_FAILED, "interrupted while connecting to " + source.describe(), e);
        }
        throwIfFailed();
    }

    /** The last position whose events have all been handed to the listeners. */
    public BinlogPosition lastApplied() {
        return tracker == null ? null : tracker.last();
    }

    /** The server's thread id of the binlog connection (tests kill it to check reconnects). */
    long connectionId() {
        return client.getConnectionId();
    }

    /** Why the stream stopped, if it failed. */
    public Optional<OscarException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Rethrows the streaming thread's failure on the caller's thread. */
    public void throwIfFailed() {
        OscarException e = failure.get();
        if (e != null) {
            throw new OscarException(e.code(), e.getMessage(), e);
        }
    }

    /**
     * Waits until every event before {@code target} (a position read on the same server) has been
     * delivered. Returns false on timeout; throws the stream's failure if it failed.
     */
    public boolean awaitPosition(BinlogPosition target, Duration timeout) {
        try {
            boolean reached = tracker.awaitAtLeast(target, timeout);
            throwIfFailed();
            return reached;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void fail(Throwable cause) {
        OscarException e = cause instanceof OscarException oe ? oe
                : new OscarException(ErrorCode.BINLOG_FAILED, "binlog stream from " + source.describe() + " failed at "
                + lastApplied() + ": " + cause, cause);
        if (failure.compareAndSet(null, e)) {
            try {
                failureListener.accept(e); // before waking waiters: they may look at what it recorded
            } finally {
                tracker.stop();
                disconnectLater();
            }
        }
    }

    /** Disconnecting from the streaming thread itself could wait on the keep-alive thread: do it aside. */
    private void disconnectLater() {
        Thread t = new Thread(this::disconnect, THREAD + "-stop");
        t.setDaemon(true);
        t.start();
    }

    private void disconnect() {
        try {
            client.disconnect();
        } catch (IOException ignored) {
            // closing: nothing left to read from a broken link
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            if (tracker != null) {
                tracker.stop();
            }
            disconnect();
        }
    }

    private final class Lifecycle extends BinaryLogClient.AbstractLifecycleListener {
        private final EventDispatcher dispatcher;
        private final BinlogPosition from;
        private final CountDownLatch connected;

        Lifecycle(EventDispatcher dispatcher, BinlogPosition from, CountDownLatch connected) {
            this.dispatcher = dispatcher;
            this.from = from;
            this.connected = connected;
        }

        @Override
        public void onConnect(BinaryLogClient c) {
            dispatcher.connected(Boolean.TRUE.equals(c.getMariaDB()), from.gtidSet());
            connected.countDown();
        }

        @Override
        public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
            if (ex instanceof ServerException) {
                fail(ConnectFailures.translate(source, ex)); // the server refused: reconnecting will not help
            }
        }

        @Override
        public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
            fail(ex);
        }
    }
}
