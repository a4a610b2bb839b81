package io.oscar.engine.check

import io.oscar.engine.alter.AlterAnalyzer
import io.oscar.engine.alter.SharedKeys
import io.oscar.engine.db.ServerFlavor
import io.oscar.engine.inspect.BinlogSettings
import io.oscar.engine.inspect.ReplicaStatus
import io.oscar.engine.plan.MigrationOptions
import io.oscar.engine.schema.TableSchema
import io.oscar.engine.sql.ArtifactNames

import static io.oscar.engine.alter.Tables.baseitem

/** Hand-made check contexts: a healthy default, and one knob changed per spec row. */
class Contexts {
    static final ServerFlavor MARIADB = ServerFlavor.parse('10.11.6-MariaDB-log', '')
    static final ServerFlavor MYSQL = ServerFlavor.parse('8.4.3', 'MySQL Community Server - GPL')

    static BinlogSettings binlog(Map o = [:]) {
        new BinlogSettings(o.get('logBin', true) as boolean, o.get('format', 'ROW') as String, o.get('image', 'FULL') as String,
                o.containsKey('metadata') ? o.metadata as String : 'FULL', o.get('logReplicaUpdates', true) as boolean,
                1, null, '0-1-10', true, false)
    }

    static ReplicaStatus replicaStatus(Map o = [:]) {
        new ReplicaStatus(o.get('io', 'Yes') as String, o.get('sql', 'Yes') as String, o.get('behind', 0L) as Long,
                0, o.get('ioError', '') as String, 0, o.get('sqlError', '') as String, '127.0.0.1', 3307, '0-1-10', '0-1-10')
    }

    /**
     * Options: table, alter, flavor, options, allowNullable, primaryBinlog, replicaBinlog, replicaStatus,
     * hasReplica, privileges, tables (names in the schema), tree.
     */
    static CheckContext of(Map o = [:]) {
        TableSchema table = o.get('table', baseitem()) as TableSchema
        def analysis = AlterAnalyzer.analyze(table, o.get('alter', 'ADD COLUMN e int NOT NULL DEFAULT 0') as String)
        MigrationOptions options = o.get('options', MigrationOptions.defaults()) as MigrationOptions
        boolean hasReplica = o.get('hasReplica', false) as boolean
        new CheckContext(o.get('flavor', MARIADB) as ServerFlavor, table, analysis,
                SharedKeys.find(analysis, o.get('allowNullable', false) as boolean),
                o.get('primaryBinlog', binlog()) as BinlogSettings,
                o.containsKey('replicaBinlog') ? o.replicaBinlog as BinlogSettings : (hasReplica ? binlog() : null),
                o.containsKey('replicaStatus') ? o.replicaStatus as ReplicaStatus : (hasReplica ? replicaStatus() : null),
                hasReplica,
                (o.get('privileges', PrivilegeCheck.COMMON + ['BINLOG MONITOR', 'REPLICATION CLIENT']) as List) as Set,
                (o.get('tables', [table.name().table()]) as List) as Set,
                ArtifactNames.of(table.name()), options, o.get('tree', []) as List, o.primaryReplication as ReplicaStatus)
    }
}
