package io.oscar.engine.check;

/** One preflight check: read-only, no I/O (everything it needs is in the context). */
public interface Check {

    /** Short kebab-case name, stable: shown in plan output and JSON. */
    String name();

    CheckResult run(CheckContext ctx);
}
