package io.oscar.engine.check;

import io.oscar.engine.schema.TableName;

import java.util.ArrayList;
import java.util.List;

/** Ghost, changelog or old tables left by an earlier run would be overwritten or block the swap. */
public final class LeftoverArtifactsCheck implements Check {
    @Override
    public String name() {
        return "leftover-tables";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        var a = ctx.artifacts();
        List<String> found = new ArrayList<>();
        for (TableName t : List.of(a.ghost(), a.changelog(), a.old())) {
            if (ctx.tablesInSchema().contains(t.table())) {
                found.add(t.table());
            }
        }
        if (found.isEmpty()) {
            return CheckResult.pass(name(), "no tables left by an earlier run");
        }
        String old = found.contains(a.old().table())
                ? "check " + a.old().table() + " (the table as it was before an earlier migration) holds nothing you need, then "
                : "";
        return CheckResult.fail(name(), "found " + String.join(", ", found) + " in " + a.original().schema()
                + ", left by an earlier oscar (or gh-ost) run, or one still running. If none is running: " + old
                + "DROP TABLE " + String.join(", ", found.stream().map(f -> a.original().sibling(f).quoted()).toList()));
    }
}
