package io.oscar.engine.migrate;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.ChangelogSql;
import io.oscar.engine.throttle.LagSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Replica lag with sub-second resolution: oscar's clock now, minus the heartbeat the replica has
 * applied (which oscar wrote with the same clock). Unknown until the first heartbeat arrives.
 */
public final class HeartbeatLag implements LagSource {
    private final StatementRunner replica;
    private final TableName changelog;
    private final Pacer pacer;

    public HeartbeatLag(StatementRunner replica, TableName changelog, Pacer pacer) {
        this.replica = replica;
        this.changelog = changelog;
        this.pacer = pacer;
    }

    @Override
    public OptionalLong lagMillis() {
        Optional<String> value;
        try {
            value = replica.queryString(ChangelogSql.read(changelog, ChangelogSql.HEARTBEAT));
        } catch (RuntimeException e) {
            return OptionalLong.empty(); // the table has not reached the replica yet, or it is down: unknown lag throttles
        }
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        Instant beat = Changelog.parseHeartbeat(value.get());
        return OptionalLong.of(Math.max(0, Duration.between(beat, pacer.clock().instant()).toMillis()));
    }
}
