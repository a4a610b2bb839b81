/**
 * Preflight checks: one small read-only class per check, all in {@link io.oscar.engine.check.Checks#ALL}.
 * A check looks at a {@link io.oscar.engine.check.CheckContext} gathered beforehand (no I/O of its own)
 * and returns PASS, WARN or FAIL with a message that tells the operator what to do.
 */
package io.oscar.engine.check;
