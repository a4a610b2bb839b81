package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.CutOverSql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relays of a parent swap (RESEARCH 6.1 step 4): one {@code LOCK TABLES child WRITE} per child table
 * (WRITE, because the guardian may have to re-point that child's keys back under it) and one
 * {@code FLUSH TABLES t WITH READ LOCK} on the parent (no FK prelocking, so the RENAME never gives way to it).
 * Each is probed through performance_schema from the controller, never from its own connection.
 */
final class Relays implements AutoCloseable {
    private final List<Relay> children = new ArrayList<>();
    private final List<RenameQueueProbe> probes = new ArrayList<>();
    private Relay parent;

    /** Opens every relay session and resolves its performance_schema thread, all before anything is locked. */
    static Relays prepare(Sessions sessions, StatementRunner controller, List<TableName> childTables, TableName parentTable,
                          Duration lockWait) {
        Relays r = new Relays();
        try {
            for (TableName child : childTables) {
                r.children.add(Relay.prepare(sessions, child, lockWait));
            }
            r.parent = Relay.prepare(sessions, parentTable, lockWait);
            for (Relay relay : r.all()) {
                RenameQueueProbe probe = new MetadataLockProbe(controller, relay.connectionId());
                probe.waitingAny();
                r.probes.add(probe);
            }
            return r;
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Children first, the parent last: the order they are released in. */
    List<Relay> all() {
        List<Relay> out = new ArrayList<>(children);
        if (parent != null) {
            out.add(parent);
        }
        return out;
    }

    void issue(String tag) {
        for (Relay child : children) {
            child.issue(CutOverSql.lockWrite(tag + " relay", List.of(child.table())));
        }
        parent.issue(CutOverSql.flushWithReadLock(parent.table()));
    }

    /** Whether every relay's lock request waits in the queue (the locker still holds the tables). */
    boolean allPending() {
        return probes.stream().allMatch(RenameQueueProbe::waitingAny);
    }

    /** A relay whose request ended before it was granted (it must wait behind the locker), if any. */
    Optional<Relay> endedEarly() {
        return all().stream().filter(Relay::isDone).findFirst();
    }

    Relay child(TableName table) {
        return children.stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
    }

    Relay parent() {
        return parent;
    }

    /**
     * Releases every relay once granted (after the locker's UNLOCK they are, within milliseconds). A relay
     * still queued after {@code grantWait} is killed from the controller; its connection is closed either way.
     */
    void releaseAll(Duration grantWait, StatementRunner controller, List<String> warnings) {
        for (Relay relay : all()) {
            if (!relay.issued()) {
                relay.close();
                continue;
            }
            if (relay.await(grantWait) && relay.holds()) {
                relay.release();
                continue;
            }
            if (!relay.isDone()) {
                try {
                    controller.update(CutOverSql.killQuery(relay.connectionId()));
                } catch (RuntimeException e) {
                    warnings.add("could not kill the relay on " + relay.table() + ": " + e.getMessage());
                }
                warnings.add("the relay on " + relay.table() + " was not granted within " + grantWait.toMillis() + " ms");
            }
            relay.close();
        }
    }

    @Override
    public void close() {
        all().forEach(Relay::close);
    }
}
