package io.oscar.engine.alter;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.schema.TableSchema;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an operator's ALTER for one table and predicts its effect, without a database.
 *
 * <p>Accepts a bare clause list ({@code ADD COLUMN e int, DROP KEY k}) or a full statement
 * ({@code ALTER TABLE t ...}, which must name the table being analysed); a trailing {@code ;} is allowed.
 * What JSqlParser cannot read is refused with the parser's message; what oscar does not do online is
 * refused by {@link ClausePolicy}. Everything else is applied to the model by {@link ModelApplier}.
 */
public final class AlterAnalyzer {

    private AlterAnalyzer() {
    }

    /**
     * @throws OscarException {@link ErrorCode#INVALID_ALTER} when the text cannot be read, names another table,
     *                        asks for something oscar does not do online, or would fail on the server
     */
    public static AlterAnalysis analyze(TableSchema before, String alterText) {
        AlterText.Prepared text = AlterText.prepare(alterText);
        Alter alter = parse(text.parserText(before.name().quoted()));
        if (text.tableText() != null) {
            checkTable(before, alter.getTable());
        }
        List<AlterExpression> expressions = alter.getAlterExpressions() == null ? List.of() : alter.getAlterExpressions();
        if (expressions.size() != text.clauses().size()) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "oscar read " + text.clauses().size()
                    + " clause(s) in '" + alterText.strip() + "' but the SQL parser read " + expressions.size()
                    + "; write one change per comma-separated clause");
        }
        WorkingTable work = new WorkingTable(before);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            if (ClausePolicy.judge(expressions.get(i), text.clauses().get(i), work.warnings) == ClausePolicy.Verdict.APPLY) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "'" + alterText.strip() + "' changes nothing once "
                    + "ALGORITHM/LOCK are stripped: give at least one change");
        }
        applyDropsFirst(work, expressions, text.clauses(), kept);
        work.enforcePrimaryKeyNotNull();
        work.validate();
        return AlterDiff.diff(work, String.join(", ", kept.stream().map(text.clauses()::get).toList()));
    }

    /**
     * MySQL resolves DROP clauses against the original table, before any ADD: {@code ADD PRIMARY KEY (c),
     * DROP PRIMARY KEY} is valid. The model does the same; otherwise clauses apply in the order written.
     */
    private static void applyDropsFirst(WorkingTable work, List<AlterExpression> expressions, List<String> clauses,
                                        List<Integer> kept) {
        ModelApplier applier = new ModelApplier(work);
        for (boolean drops : new boolean[] {true, false}) {
            for (int i : kept) {
                if (isDrop(expressions.get(i)) == drops) {
                    applier.apply(expressions.get(i), clauses.get(i));
                }
            }
        }
    }

    private static boolean isDrop(AlterExpression e) {
        return switch (e.getOperation()) {
            case DROP, DROP_PRIMARY_KEY, DROP_FOREIGN_KEY -> true;
            default -> false;
        };
    }

    /** Positions in the parser's message count in {@code sql}, which is quoted so the operator can find them. */
    private static Alter parse(String sql) {
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "cannot parse '" + sql + "': " + parserMessage(e)
                    + " (oscar refuses what it cannot read; check the syntax, or run the change with a plain ALTER TABLE)", e);
        }
        if (!(statement instanceof Alter alter)) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "cannot parse '" + sql
                    + "': the SQL parser does not read it as ALTER TABLE");
        }
        return alter;
    }

    /** The parser's own explanation (where and what it expected), from the deepest cause that has one. */
    static String parserMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String[] lines = message.strip().split("\\R");
        String text = (lines.length <= 2 ? String.join(" ", lines) : lines[0] + " " + lines[1]).replaceAll("\\s+", " ");
        int internals = text.indexOf(" within expansion starting at"); // the grammar's line numbers: noise to a DBA
        if (internals >= 0) {
            text = text.substring(0, internals).replace("Was expecting one of these terminals", "");
        }
        return text.replaceAll(", in lexical state \\w+", "").strip();
    }

    private static void checkTable(TableSchema before, Table table) {
        String name = Names.unquote(table.getName());
        String schema = table.getSchemaName() == null ? null : Names.unquote(table.getSchemaName());
        boolean sameTable = name.equalsIgnoreCase(before.name().table())
                && (schema == null || schema.equalsIgnoreCase(before.name().schema()));
        if (!sameTable) {
            throw new OscarException(ErrorCode.INVALID_ALTER, "the ALTER names table "
                    + (schema == null ? name : schema + "." + name) + " but is being planned for " + before.name()
                    + ": give the clauses alone (e.g. 'ADD COLUMN c int') or name " + before.name());
        }
    }
}
