package io.oscar.engine.alter;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, clause by clause, what oscar does with a parsed ALTER: apply it to the ghost table, strip it
 * with a warning (ALGORITHM, LOCK: oscar copies the table itself), or refuse it with what to do instead.
 * What is not known to be safe is refused: oscar never guesses what a clause means.
 */
final class ClausePolicy {

    /** What happens to one clause. */
    enum Verdict { APPLY, STRIP }

    private static final Set<AlterOperation> APPLIED = EnumSet.of(AlterOperation.ADD, AlterOperation.ALTER,
            AlterOperation.DROP, AlterOperation.DROP_PRIMARY_KEY, AlterOperation.DROP_FOREIGN_KEY, AlterOperation.MODIFY,
            AlterOperation.CHANGE, AlterOperation.RENAME, AlterOperation.RENAME_INDEX, AlterOperation.RENAME_KEY,
            AlterOperation.CONVERT, AlterOperation.COLLATE, AlterOperation.ENGINE, AlterOperation.COMMENT,
            AlterOperation.COMMENT_WITH_EQUAL_SIGN, AlterOperation.FORCE, AlterOperation.SET_TABLE_OPTION,
            AlterOperation.KEY_BLOCK_SIZE);

    /** One table option: {@code DEFAULT CHARSET = x}, {@code COLLATE x}, {@code ROW_FORMAT=DYNAMIC}... */
    private static final Pattern OPTION = Pattern.compile("(?i)\\G\\s*,?\\s*(?:DEFAULT\\s+)?(CHARSET|CHARACTER\\s+SET|COLLATE"
            + "|ROW_FORMAT|KEY_BLOCK_SIZE|STATS_PERSISTENT|STATS_AUTO_RECALC|STATS_SAMPLE_PAGES|PACK_KEYS|CHECKSUM"
            + "|PAGE_CHECKSUM|MAX_ROWS|MIN_ROWS|AVG_ROW_LENGTH|DELAY_KEY_WRITE|PAGE_COMPRESSED|PAGE_COMPRESSION_LEVEL"
            + "|COMPRESSION|ENCRYPTION|TRANSACTIONAL)\\s*(?:=\\s*)?('[^']*'|`[^`]+`|\\w+)");

    private ClausePolicy() {
    }

    /**
     * @throws OscarException INVALID_ALTER for a clause oscar does not do online, saying what to do instead
     */
    static Verdict judge(AlterExpression e, String clause, List<String> warnings) {
        AlterOperation op = e.getOperation();
        if (op == AlterOperation.ALGORITHM || op == AlterOperation.LOCK) {
            warnings.add("'" + clause + "' stripped: oscar copies the table itself, ALGORITHM and LOCK do not apply");
            return Verdict.STRIP;
        }
        if (op == AlterOperation.RENAME_TABLE) {
            throw refuse(clause, "renaming the table is not a schema change oscar runs online: migrate without it, "
                    + "then run RENAME TABLE " + "old TO new" + " (it is instant)");
        }
        if (op.name().contains("PARTITION")) {
            throw refuse(clause, "partition operations are not supported: run them with a plain ALTER TABLE "
                    + "(most are in-place) or another tool");
        }
        if (op == AlterOperation.UNSPECIFIC) {
            judgeUnspecific(e.getOptionalSpecifier(), clause);
            return Verdict.APPLY;
        }
        if (!APPLIED.contains(op)) {
            throw refuse(clause, "oscar does not run " + op + " online: run it with a plain ALTER TABLE");
        }
        return Verdict.APPLY;
    }

    private static void judgeUnspecific(String spec, String clause) {
        String s = spec == null ? "" : spec.strip();
        if (s.toUpperCase(Locale.ROOT).startsWith("ORDER BY")) {
            throw refuse(clause, "ORDER BY is not supported: the ghost table is filled in key order; "
                    + "run OPTIMIZE TABLE or a plain ALTER TABLE ... ORDER BY after the migration");
        }
        if (tableOptions(s) == null) {
            throw refuse(clause, "oscar cannot read it as an ALTER clause (the parser left '" + s
                    + "' uninterpreted); check the spelling, or run it with a plain ALTER TABLE");
        }
    }

    /**
     * Table options JSqlParser leaves uninterpreted ({@code DEFAULT CHARSET = utf8mb4 COLLATE utf8mb4_bin}),
     * by upper-case name ({@code CHARSET} for both spellings), or null when any part is not a known option.
     */
    static Map<String, String> tableOptions(String spec) {
        String s = spec == null ? "" : spec.strip();
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = OPTION.matcher(s);
        int end = 0;
        while (end < s.length() && m.find(end) && m.start() == end) {
            String name = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            options.put(name.equals("CHARACTER SET") ? "CHARSET" : name, Names.unquote(m.group(2)));
            end = m.end();
        }
        return options.isEmpty() || !s.substring(end).isBlank() ? null : options;
    }

    private static OscarException refuse(String clause, String why) {
        return new OscarException(ErrorCode.INVALID_ALTER, "cannot run '" + clause + "' online: " + why);
    }
}
