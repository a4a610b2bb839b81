package io.oscar.engine.check;

import io.oscar.engine.schema.Trigger;

/** Tables with triggers are refused, as gh-ost does: the ghost would fire or miss them. */
public final class TriggerCheck implements Check {
    @Override
    public String name() {
        return "triggers";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        var triggers = ctx.table().triggers();
        if (triggers.isEmpty()) {
            return CheckResult.pass(name(), "no triggers");
        }
        return CheckResult.fail(name(), ctx.table().name() + " has triggers ("
                + String.join(", ", triggers.stream().map(Trigger::name).toList())
                + "); oscar does not migrate tables with triggers: save their definitions (SHOW CREATE TRIGGER),"
                + " drop them, migrate, and create them again");
    }
}
