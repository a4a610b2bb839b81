package io.oscar.engine.check;

import java.util.Map;

/** A rename is easy to mistype (CHANGE a b ...): the operator confirms it with --approve-renames. */
public final class RenamedColumnsCheck implements Check {
    @Override
    public String name() {
        return "renamed-columns";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Map<String, String> renamed = ctx.analysis().renamedColumns();
        if (renamed.isEmpty()) {
            return CheckResult.pass(name(), "no column renamed");
        }
        String list = String.join(", ", renamed.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList());
        if (!ctx.options().approveRenames()) {
            return CheckResult.fail(name(), "the ALTER renames " + list + "; if that is intended, run again with --approve-renames");
        }
        return CheckResult.warn(name(), "renames " + list + " (approved): values are copied to the new names");
    }
}
