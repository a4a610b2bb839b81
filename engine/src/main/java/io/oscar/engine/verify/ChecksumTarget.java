package io.oscar.engine.verify;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.copy.CopyTarget;
import io.oscar.engine.schema.Column;
import io.oscar.engine.schema.Index;
import io.oscar.engine.schema.TableSchema;
import io.oscar.engine.sql.ColumnText;

import java.util.ArrayList;
import java.util.List;

/**
 * What to compare: the copy's target (original, ghost, shared key on the original, aligned column lists),
 * the shared key's index and column names on the ghost, and each side's compared columns with their
 * text forms, aligned one to one. Ghost columns outside the copy (added by the ALTER) are not compared.
 */
public record ChecksumTarget(CopyTarget copy, String ghostIndex, List<String> ghostKey,
                             List<ColumnText> originalColumns, List<ColumnText> ghostColumns) {

    public ChecksumTarget {
        ghostKey = List.copyOf(ghostKey);
        originalColumns = List.copyOf(originalColumns);
        ghostColumns = List.copyOf(ghostColumns);
        if (ghostKey.size() != copy.key().size() || originalColumns.size() != ghostColumns.size()) {
            throw new IllegalArgumentException("key or column lists do not line up: " + ghostKey + ", "
                    + originalColumns + " vs " + ghostColumns);
        }
    }

    /** Builds the target from the copy's and both tables' schemas: forms by {@link ChecksumColumns}. */
    public static ChecksumTarget of(CopyTarget copy, TableSchema original, TableSchema ghost) {
        List<ColumnText> originalColumns = new ArrayList<>();
        List<ColumnText> ghostColumns = new ArrayList<>();
        for (int i = 0; i < copy.sourceColumns().size(); i++) {
            Column o = column(original, copy.sourceColumns().get(i));
            Column g = column(ghost, copy.ghostColumns().get(i));
            ColumnText text = ChecksumColumns.original(o, g);
            originalColumns.add(text);
            ghostColumns.add(text.named(g.name()));
        }
        List<String> ghostKey = ghostKey(copy);
        return new ChecksumTarget(copy, ghostIndex(ghost, ghostKey), ghostKey, originalColumns, ghostColumns);
    }

    /** The key columns' ghost names, through the aligned column lists. */
    static List<String> ghostKey(CopyTarget copy) {
        List<String> out = new ArrayList<>();
        for (String k : copy.key()) {
            int i = indexOfIgnoreCase(copy.sourceColumns(), k);
            if (i < 0) {
                throw new OscarException(ErrorCode.NO_SHARED_KEY, "key column " + k + " of " + copy.source()
                        + " is not among the copied columns " + copy.sourceColumns() + ": cannot checksum by it");
            }
            out.add(copy.ghostColumns().get(i));
        }
        return out;
    }

    private static String ghostIndex(TableSchema ghost, List<String> ghostKey) {
        for (Index index : ghost.uniqueKeys()) {
            if (index.columns().size() == ghostKey.size() && sameNames(index.columns(), ghostKey)) {
                return index.name();
            }
        }
        throw new OscarException(ErrorCode.NO_SHARED_KEY, ghost.name() + " has no unique key on " + ghostKey
                + " in that order: the shared key must exist on the ghost to checksum it");
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfIgnoreCase(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Column column(TableSchema table, String name) {
        return table.column(name).orElseThrow(() -> new OscarException(ErrorCode.INVALID_ARGUMENT,
                "column " + name + " is not in " + table.name() + " (columns " + table.columnNames() + ")"));
    }
}
