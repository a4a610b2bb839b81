package io.oscar.engine.check;

import java.util.List;

/** Dropping a column loses its data for good: the operator confirms it with --approve-data-loss. */
public final class DroppedColumnsCheck implements Check {
    @Override
    public String name() {
        return "dropped-columns";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<String> dropped = ctx.analysis().droppedColumns();
        if (dropped.isEmpty()) {
            return CheckResult.pass(name(), "no column dropped");
        }
        if (!ctx.options().approveDataLoss()) {
            return CheckResult.fail(name(), "the ALTER drops " + String.join(", ", dropped)
                    + ": their data will be gone after the cut-over (the old table is kept as "
                    + ctx.artifacts().old().table() + " unless --drop-old-table); run again with --approve-data-loss if intended");
        }
        return CheckResult.warn(name(), "drops " + String.join(", ", dropped) + " (approved)");
    }
}
