package io.oscar.engine.check;

import io.oscar.engine.schema.ForeignKey;

import java.util.List;

/**
 * The table references others. Foreign key names are unique per schema, so the ghost table carries
 * its keys under fresh names, renamed back after the swap.
 */
public final class ChildForeignKeyCheck implements Check {
    @Override
    public String name() {
        return "child-foreign-keys";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        List<ForeignKey> parents = ctx.table().foreignKeys();
        if (parents.isEmpty()) {
            return CheckResult.pass(name(), ctx.table().name() + " declares no foreign keys");
        }
        List<ForeignKey> cascading = parents.stream().filter(ForeignKey::cascades).toList();
        if (!cascading.isEmpty()) {
            return CheckResult.fail(name(), ctx.table().name() + " has foreign keys that cascade from their parents ("
                    + String.join(", ", cascading.stream().map(fk -> fk.name() + " ON DELETE " + fk.onDelete() + " ON UPDATE "
                    + fk.onUpdate()).toList()) + "): the server does not write cascaded changes to the binlog, so the ghost"
                    + " table would keep rows the cascade removed or changed. Migrate while the parents take no deletes or key"
                    + " updates, or change the keys to RESTRICT for the migration and back afterwards");
        }
        return CheckResult.warn(name(), ctx.table().name() + " declares " + parents.size() + " foreign key(s) ("
                + String.join(", ", parents.stream().map(ForeignKey::name).toList())
                + "): the ghost table enforces them under temporary names, and their names are restored after the cut-over");
    }
}
