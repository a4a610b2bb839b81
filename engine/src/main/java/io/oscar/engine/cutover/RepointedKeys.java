package io.oscar.engine.cutover;

import io.oscar.engine.db.StatementRunner;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;
import io.oscar.engine.sql.CutOverSql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The children's foreign keys on {@code t} and where each one points during an attempt. Re-pointing is
 * a drop and an add under the same name (one statement would be 1826), at foreign_key_checks=0 so no row
 * is read; in between the child has no key, which is why it runs only on a session that holds the child
 * WRITE-locked. Tracks each key's state so that a failure half-way is undone exactly: a key that was
 * dropped but not re-added is re-added, never dropped twice.
 */
final class RepointedKeys {
    private enum State { ORIGINAL, DROPPED, GHOST }

    private final TableName original;
    private final TableName ghost;
    private final Map<ForeignKey, State> keys = new LinkedHashMap<>();

    RepointedKeys(List<ForeignKey> referencedBy, TableName original, TableName ghost) {
        this.original = original;
        this.ghost = ghost;
        referencedBy.forEach(fk -> keys.put(fk, State.ORIGINAL));
    }

    /** The child tables, each once, in the order of their keys. */
    List<TableName> children() {
        return keys.keySet().stream().map(ForeignKey::child).distinct().toList();
    }

    /** Points every key at the ghost; {@code runner} must hold the children WRITE-locked (the locker). */
    void toGhost(StatementRunner runner) {
        runner.update(CutOverSql.foreignKeyChecks(false));
        for (ForeignKey fk : keys.keySet()) {
            runner.update(CutOverSql.dropForeignKey(fk));
            keys.put(fk, State.DROPPED);
            runner.update(CutOverSql.addForeignKey(fk, ghost));
            keys.put(fk, State.GHOST);
        }
    }

    /** Whether some key no longer points at the original {@code t}. */
    boolean anyMoved() {
        return keys.values().stream().anyMatch(s -> s != State.ORIGINAL);
    }

    /** Points the keys of every child back at {@code t}; {@code runner} holds all the children. */
    void restoreAll(StatementRunner runner) {
        restore(runner, fk -> true);
    }

    /** Points the keys of one child back at {@code t}; {@code runner} holds that child (its relay). */
    void restoreChild(StatementRunner runner, TableName child) {
        restore(runner, fk -> fk.child().equals(child));
    }

    private void restore(StatementRunner runner, Predicate<ForeignKey> which) {
        runner.update(CutOverSql.foreignKeyChecks(false));
        for (Map.Entry<ForeignKey, State> e : keys.entrySet()) {
            ForeignKey fk = e.getKey();
            if (!which.test(fk) || e.getValue() == State.ORIGINAL) {
                continue;
            }
            if (e.getValue() == State.GHOST) {
                runner.update(CutOverSql.dropForeignKey(fk));
                e.setValue(State.DROPPED);
            }
            runner.update(CutOverSql.addForeignKey(fk, original));
            e.setValue(State.ORIGINAL);
        }
    }

    /** What an operator must run when every automatic restore failed. */
    String manualFix() {
        return keys.entrySet().stream().filter(e -> e.getValue() != State.ORIGINAL)
                .map(e -> (e.getValue() == State.GHOST ? CutOverSql.dropForeignKey(e.getKey()).sql() + "; " : "")
                        + CutOverSql.addForeignKey(e.getKey(), original).sql())
                .collect(Collectors.joining("; ", "SET SESSION foreign_key_checks = 0; ", ""));
    }
}
