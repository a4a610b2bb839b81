/**
 * Running migrations: one table end to end ({@code TableMigration}), plans ({@code PlanRunner}), and
 * the pieces they own while running — the changelog table with its heartbeat, the writer thread and the
 * copy lanes beside it ({@code GhostWriter}, {@code CopyLanes}), the copy-time chunk checks and the
 * verification at the consistent point ({@code ChunkVerifier}, {@code Verification}), progress. The linear
 * flow lives here; SQL text comes from {@code sql}, waits go through {@link io.oscar.engine.migrate.Pacer}.
 */
package io.oscar.engine.migrate;
