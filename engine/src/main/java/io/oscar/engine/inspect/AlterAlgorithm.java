package io.oscar.engine.inspect;

/**
 * How the server itself could run an ALTER, as found by {@link InstantProbe}.
 *
 * @param detail the server's refusal of the cheaper algorithms, for the operator
 */
public record AlterAlgorithm(Kind kind, String detail) {

    public enum Kind {
        /** Metadata only: instant on any size, no copy needed. */
        INSTANT,
        /** MariaDB's NOCOPY: in place, without rebuilding the table, writes allowed. */
        NOCOPY,
        /** Rebuilds the table in place with writes allowed: online on the primary, but replicas apply it serially. */
        INPLACE,
        /** Only a full table copy: what oscar's online migration is for. */
        COPY,
        /** The probe could not tell (e.g. the ALTER touches foreign keys, which an empty LIKE copy lacks). */
        UNKNOWN
    }

    /** Whether the server can do it without copying the rows: worth offering instead of an online copy. */
    public boolean avoidsCopy() {
        return kind == Kind.INSTANT || kind == Kind.NOCOPY;
    }

    /** One line for the plan output. */
    public String advice() {
        return switch (kind) {
            case INSTANT -> "the server can do this ALTER instantly (ALGORITHM=INSTANT): no copy needed";
            case NOCOPY -> "the server can do this ALTER in place without copying rows (ALGORITHM=NOCOPY, LOCK=NONE)";
            case INPLACE -> "the server would rebuild the table in place (ALGORITHM=INPLACE); replicas would lag "
                    + "for the whole rebuild, so an online copy is safer";
            case COPY -> "the server needs a full table copy: migrate online";
            case UNKNOWN -> "could not ask the server (" + detail + "): plan an online copy";
        };
    }
}
