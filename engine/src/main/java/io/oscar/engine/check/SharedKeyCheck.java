package io.oscar.engine.check;

import io.oscar.engine.alter.SharedKeyResult;

/** gh-ost's shared-key rule: a NOT NULL unique key present in both the old and the new table. */
public final class SharedKeyCheck implements Check {
    @Override
    public String name() {
        return "shared-key";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        SharedKeyResult r = ctx.sharedKey();
        if (!r.found()) {
            return CheckResult.fail(name(), r.reason());
        }
        String msg = "rows are copied and matched by " + r.chosen();
        if (!r.warnings().isEmpty()) {
            return CheckResult.warn(name(), msg + "; " + String.join("; ", r.warnings()));
        }
        return CheckResult.pass(name(), msg);
    }
}
