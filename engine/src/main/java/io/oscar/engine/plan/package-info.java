/**
 * What oscar will do, as data: a {@link io.oscar.engine.plan.Plan} is an ordered list of
 * {@link io.oscar.engine.plan.Step}s (migrate a table, run SQL, drop/restore a foreign key, check
 * orphans, pause). Plans are built by the planner or recorded by a Groovy plan script and executed
 * by the plan runner; nothing here touches a server.
 */
package io.oscar.engine.plan;
