package io.oscar.engine.inspect;

import io.oscar.engine.db.ServerFlavor;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.schema.TableSchema;

import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads tables, foreign keys, binlog settings, replica status and privileges from one open
 * connection. Read-only; does not own or close the connection. Not thread-safe (one JDBC connection).
 */
public final class Inspector {
    /** In {@link #globalPrivileges()}: the user was granted ALL PRIVILEGES ON *.* (not expanded). */
    public static final String ALL_PRIVILEGES = GrantParser.ALL;
    /** In {@link #globalPrivileges()}: granted WITH GRANT OPTION on *.*. */
    public static final String GRANT_OPTION = GrantParser.GRANT_OPTION;

    private final SqlReader sql;
    private final TableReader tables;
    private final ColumnReader columns;
    private final IndexReader indexes;
    private final ForeignKeyReader foreignKeys;
    private final TriggerReader triggers;
    private final BinlogReader binlog;
    private final ReplicaStatusReader replica;

    /**
     * @param server how error messages name the server, e.g. {@code ConnectionSpec.describe()} ({@code oscar@db1:3306})
     */
    public Inspector(Connection connection, ServerFlavor flavor, String server) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(flavor, "flavor");
        this.sql = new SqlReader(connection, server == null ? "the server" : server);
        this.tables = new TableReader(sql);
        this.columns = new ColumnReader(sql, flavor);
        this.indexes = new IndexReader(sql);
        this.foreignKeys = new ForeignKeyReader(sql);
        this.triggers = new TriggerReader(sql);
        this.binlog = new BinlogReader(sql, flavor);
        this.replica = new ReplicaStatusReader(sql, flavor);
    }

    public Inspector(Connection connection, ServerFlavor flavor) {
        this(connection, flavor, null);
    }

    /**
     * The table's structure, keys, foreign keys both ways, triggers and size.
     *
     * @throws io.oscar.engine.api.OscarException {@code TABLE_NOT_FOUND} naming similar tables, if any
     */
    public TableSchema table(TableName name) {
        TableReader.TableInfo info = tables.read(name);
        return new TableSchema(name, info.engine(), info.charset(), info.collation(), columns.read(name),
                indexes.read(name), foreignKeys.declaredBy(name), foreignKeys.referencing(name), triggers.read(name),
                info.rowEstimate(), info.dataBytes(), info.partitioned());
    }

    /**
     * Every FK that references the table, then every FK that references those children, and so on:
     * ordered by depth, then FK name. Cycle-safe; each FK once. Empty when nothing references it.
     */
    public List<ForeignKey> referencingTree(TableName name) {
        return foreignKeys.referencingTree(name);
    }

    /** Every foreign key on the server (system schemas excluded), both ends named. */
    public List<ForeignKey> allForeignKeys() {
        return foreignKeys.all();
    }

    public BinlogSettings binlogSettings() {
        return binlog.read();
    }

    /** The replica's status, or empty when this server replicates from nothing. */
    public Optional<ReplicaStatus> replicaStatus() {
        return replica.read();
    }

    /** The current user's global privileges, upper-case ({@code REPLICATION SLAVE}); see {@link GrantParser}. */
    public Set<String> globalPrivileges() {
        return GrantParser.globalPrivileges(sql.list("the current user's grants", "SHOW GRANTS", rs -> rs.getString(1)));
    }

    /** Application schemas (system schemas excluded), by name. */
    public List<String> schemas() {
        return tables.schemas();
    }

    /** Base tables of a schema, by name; empty for an unknown schema. */
    public List<String> tables(String schema) {
        return tables.tables(schema);
    }
}
