/**
 * The Groovy plan language: a plan file records steps; the engine executes them.
 *
 * <ul>
 *   <li>{@link io.oscar.scripts.PlanLoader#load(java.nio.file.Path, io.oscar.scripts.SchemaView)} compiles and runs
 *       a {@code .groovy} file once and returns the engine's immutable {@link io.oscar.engine.plan.Plan}.</li>
 *   <li>{@link io.oscar.scripts.PlanScript} is the base class of every plan: {@code description}, {@code schema},
 *       {@code foreignKeysReferencing}, {@code foreignKeysOf}, {@code foreignKey}, {@code migrate},
 *       {@code dropForeignKey}, {@code checkOrphans}, {@code restoreForeignKey}, {@code sql}, {@code pause}.</li>
 *   <li>{@link io.oscar.scripts.MigrationBuilder} is the delegate of a {@code migrate(table) { }} block.</li>
 *   <li>{@link io.oscar.scripts.SchemaView} is all of the server a plan can see: two read-only questions.</li>
 * </ul>
 *
 * Must not: open connections, run SQL, or hold anything that can write. Errors are
 * {@link io.oscar.engine.api.OscarException}s whose message starts with {@code file:line:}.
 */
package io.oscar.scripts;
