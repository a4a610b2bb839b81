package io.oscar.engine.check;

import io.oscar.engine.inspect.Inspector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The oscar user must hold the global privileges documented in README "Privileges". */
public final class PrivilegeCheck implements Check {
    static final List<String> COMMON = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX",
            "LOCK TABLES", "REPLICATION SLAVE");

    @Override
    public String name() {
        return "privileges";
    }

    @Override
    public CheckResult run(CheckContext ctx) {
        Set<String> have = ctx.privileges();
        if (have.contains(Inspector.ALL_PRIVILEGES)) {
            return CheckResult.pass(name(), "ALL PRIVILEGES");
        }
        List<String> needed = new ArrayList<>(COMMON);
        if (ctx.flavor().isMariaDb()) {
            needed.add(have.contains("SUPER") ? "SUPER" : "BINLOG MONITOR");
        } else {
            needed.add("REPLICATION CLIENT");
        }
        if (!ctx.table().referencedBy().isEmpty()) {
            needed.add("RELOAD"); // the parent relay of the cut-over: FLUSH TABLES t WITH READ LOCK
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String p : needed) {
            if (!have.contains(p) && !(p.equals("BINLOG MONITOR") && have.contains("REPLICATION CLIENT"))) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            return CheckResult.fail(name(), "missing global privileges " + String.join(", ", missing)
                    + "; as an administrator: GRANT " + String.join(", ", missing) + " ON *.* TO <oscar's user>");
        }
        return CheckResult.pass(name(), "the user holds every privilege oscar needs");
    }
}
