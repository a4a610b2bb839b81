package io.oscar.engine.check;

/** Only InnoDB tables: the copy relies on its row locks and the swap on its atomic RENAME. */
public final class EngineCheck implements Check {
    @Override
    public String name() {
        return "engine";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        String engine = ctx.table().engine();
        if (engine == null || !engine.equalsIgnoreCase("InnoDB")) {
            return CheckResult.fail(name(), ctx.table().name() + " uses the " + engine
                    + " engine; oscar migrates InnoDB tables only (ALTER TABLE ... ENGINE=InnoDB first)");
        }
        return CheckResult.pass(name(), "InnoDB");
    }
}
