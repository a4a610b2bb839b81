package io.oscar.shell.render;

import io.oscar.engine.plan.Plan;
import io.oscar.engine.plan.Step;

import java.io.PrintWriter;

/** A multi-step plan as the operator reviews it: name, description, numbered steps. */
public final class StepsRenderer {
    private StepsRenderer() {
    }

    public static void render(Plan plan, PrintWriter out) {
        out.println("plan " + plan.name() + ": " + plan.description());
        int n = 1;
        for (Step s : plan.steps()) {
            out.printf("  %d. %s%n", n++, s.describe());
        }
    }
}
