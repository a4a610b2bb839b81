package io.oscar.engine.check;

import io.oscar.engine.inspect.ReplicaStatus;

/** The primary must not itself be replicating; with a replica, replication must run: oscar throttles on its lag. */
public final class ReplicationCheck implements Check {
    @Override
    public String name() {
        return "replication";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        ReplicaStatus own = ctx.primaryReplication();
        if (own != null && (own.ioRunning() || own.sqlRunning())) {
            return CheckResult.fail(name(), "the server given as the primary replicates from " + own.sourceHost() + ":"
                    + own.sourcePort() + ": a migration there would write a replica (its new table would not reach "
                    + own.sourceHost() + " and replication could break). Point --host/--port at the primary "
                    + own.sourceHost() + ":" + own.sourcePort() + " (and --replica at this server), or, if this server is"
                    + " the primary now, STOP SLAVE; RESET SLAVE ALL first");
        }
        if (!ctx.hasReplica()) {
            return CheckResult.pass(name(), "no replica given: the binlog is read from the primary and lag is not measured");
        }
        ReplicaStatus s = ctx.replicaStatus();
        if (s == null) {
            return CheckResult.fail(name(), "the server given as --replica replicates from nothing; give the replica of this primary,"
                    + " or leave --replica out");
        }
        if (!s.running()) {
            return CheckResult.fail(name(), "replication on the replica is not running (io=" + s.ioThread() + ", sql=" + s.sqlThread()
                    + (s.lastIoError() == null || s.lastIoError().isBlank() ? "" : ", io error: " + s.lastIoError())
                    + (s.lastSqlError() == null || s.lastSqlError().isBlank() ? "" : ", sql error: " + s.lastSqlError())
                    + "); fix it (START SLAVE) before migrating");
        }
        Long behind = s.secondsBehind();
        if (behind != null && behind * 1000 > ctx.options().maxLagMs()) {
            return CheckResult.warn(name(), "the replica is " + behind + " s behind, more than max-lag-ms "
                    + ctx.options().maxLagMs() + ": the copy will wait until it catches up");
        }
        return CheckResult.pass(name(), "replicating from " + s.sourceHost() + ":" + s.sourcePort()
                + (behind == null ? "" : ", " + behind + " s behind"));
    }
}
