package io.oscar.engine.check;

import java.util.List;

/** Every preflight check, in the order they are shown. */
public final class Checks {
    public static final List<Check> ALL = List.of(
            new BinlogCheck(),
            new ReplicationCheck(),
            new PrivilegeCheck(),
            new EngineCheck(),
            new SharedKeyCheck(),
            new ParentForeignKeyCheck(),
            new ChildForeignKeyCheck(),
            new TriggerCheck(),
            new LeftoverArtifactsCheck(),
            new NameLengthCheck(),
            new RenamedColumnsCheck(),
            new DroppedColumnsCheck());

    private Checks() {
    }

    public static List<CheckResult> runAll(CheckContext ctx) {
        return ALL.stream().map(c -> c.run(ctx)).toList();
    }
}
