package io.oscar.engine.check;

/** A table name too long for {@code _t_gho} (64 characters) gets shortened artifact names: say which. */
public final class NameLengthCheck implements Check {
    @Override
    public String name() {
        return "name-length";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        var a = ctx.artifacts();
        if (!a.shortened()) {
            return CheckResult.pass(name(), "ghost " + a.ghost().table() + ", changelog " + a.changelog().table());
        }
        return CheckResult.warn(name(), "the table name is too long for _" + a.original().table() + "_gho (64 characters at most):"
                + " oscar uses " + a.ghost().table() + ", " + a.changelog().table() + " and " + a.old().table());
    }
}
