package io.oscar.engine.plan;

import io.oscar.engine.alter.AlterAnalysis;
import io.oscar.engine.alter.SharedKeyResult;
import io.oscar.engine.check.CheckResult;
import io.oscar.engine.inspect.AlterAlgorithm;
import io.oscar.engine.schema.ForeignKey;
import io.oscar.engine.schema.TableName;

import java.util.List;

/**
 * What {@code plan <table> <alter>} answers: how oscar would run this ALTER, what the server could do
 * instead, every preflight check, and the steps. Field names are stable: they are the JSON output.
 *
 * @param clauses            the ALTER's clauses as they will be applied to the ghost table
 * @param algorithm          what the server itself could do (instant, in place, copy)
 * @param instant            whether the server can do this ALTER instantly (metadata only)
 * @param instantAlternative the statement to run instead of a migration when the server can do it without a copy, else null
 * @param childForeignKeys   FKs (children, grandchildren...) whose referenced columns this ALTER changes: they need a multi-table plan
 * @param steps              what {@code run} would do, in order (empty when a check fails)
 * @param runnable           true when no check failed: {@code run} may start
 */
public record MigrationPlan(TableName table, String clauses, long rowEstimate, long dataBytes, SharedKeyResult sharedKey,
                            AlterAlgorithm algorithm, boolean instant, String instantAlternative, List<CheckResult> checks,
                            List<ForeignKey> childForeignKeys, List<Step> steps, boolean runnable,
                            AlterAnalysis analysis) {

    public MigrationPlan {
        checks = List.copyOf(checks);
        childForeignKeys = List.copyOf(childForeignKeys);
        steps = List.copyOf(steps);
    }

    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }
}
