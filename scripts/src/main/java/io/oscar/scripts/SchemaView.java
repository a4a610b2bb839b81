package io.oscar.scripts;

import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.util.List;

/**
 * What a plan script may read of the live schema while it loads. Read-only by contract: an
 * implementation answers questions and must not hand out a connection, a session or anything else
 * that can write (the engine implements it over its {@code Inspector}; specs use a fake).
 */
public interface SchemaView {

    /** The foreign keys whose parent is {@code table} (children pointing at it); empty if none. */
    List<ForeignKey> referencing(TableName table);

    /** The foreign keys {@code table} declares itself (it is the child); empty if none. */
    List<ForeignKey> declaredBy(TableName table);

    /**
     * A view over a snapshot of every foreign key (read before the plan loads): it holds only immutable
     * key records, so nothing a script can reach leads to a connection.
     */
    static SchemaView snapshot(List<ForeignKey> all) {
        List<ForeignKey> keys = List.copyOf(all);
        return new SchemaView() {
            @Override
            public List<ForeignKey> referencing(TableName table) {
                return keys.stream().filter(fk -> fk.parent().equals(table)).toList();
            }

            @Override
            public List<ForeignKey> declaredBy(TableName table) {
                return keys.stream().filter(fk -> fk.child().equals(table)).toList();
            }
        };
    }

    /** A view of a schema without foreign keys, for plans that read nothing. */
    static SchemaView empty() {
        return new SchemaView() {
            @Override
            public List<ForeignKey> referencing(TableName table) {
                return List.of();
            }

            @Override
            public List<ForeignKey> declaredBy(TableName table) {
                return List.of();
            }
        };
    }
}
