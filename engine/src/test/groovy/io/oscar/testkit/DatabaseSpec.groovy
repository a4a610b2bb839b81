package io.oscar.testkit

import spock.lang.Shared
import spock.lang.Specification

/**
 * Base class of every *IT: one fresh schema per spec on the shared {@link TestDatabase}, dropped
 * after. Skips (with a message saying how to get a database) when none is configured.
 */
abstract class DatabaseSpec extends Specification {
    @Shared TestDatabase db
    @Shared String schema
    @Shared List<SqlClient> opened = []

    def setupSpec() {
        db = needsReplica() ? TestDatabase.requireReplica() : TestDatabase.require()
        schema = db.createSchema(getClass().simpleName)
    }

    def cleanupSpec() {
        opened*.close()
        if (schema != null) {
            db.dropSchema(schema)
        }
    }

    /** Override to return true in specs that read from the replica. */
    boolean needsReplica() {
        false
    }

    /** A client on the primary, using this spec's schema; closed after the spec. */
    SqlClient primarySql() {
        track(new SqlClient(db.openPrimary(), "primary ${db.primary().describe()}")).tap { execute("USE `${schema}`") }
    }

    /** A client on the replica, using this spec's schema; closed after the spec. */
    SqlClient replicaSql() {
        track(new SqlClient(db.openReplica(), "replica ${db.replica().describe()}")).tap { execute("USE `${schema}`") }
    }

    private SqlClient track(SqlClient sql) {
        opened << sql
        sql
    }
}
