/**
 * The cut-over: the atomic swap of a drained ghost table {@code _t_gho} into the place of {@code t},
 * per server flavor, with the time writes were blocked measured, and retries with backoff.
 * <p>
 * Owns the locker, renamer and controller connections of a swap and nothing else: the caller keeps
 * the ghost up to date and passes a {@link io.oscar.engine.cutover.Drain} that waits until every change
 * made to {@code t} before the lock has been applied. Whatever fails, {@code t} is never missing: a
 * failed attempt leaves {@code t} and the ghost as they were and drops the sentry.
 * <p>
 * MariaDB (and MySQL before 8.0.13) refuse {@code RENAME TABLE} under {@code LOCK TABLES}, so there
 * the swap is gh-ost's two-connection sentry cut-over ({@link io.oscar.engine.cutover.SentrySwap});
 * MySQL 8.0.13+ renames under the lock ({@link io.oscar.engine.cutover.LockedRenameSwap}). A table other
 * tables reference is swapped by {@link io.oscar.engine.cutover.ParentSwap}: the children's keys are re-pointed
 * at the ghost inside the lock and relay sessions hold the children and {@code t} until the RENAME is done
 * (docs/RESEARCH-fk-cutover.md, 6.1). Multi-table swaps are not done here.
 * SQL text comes from {@link io.oscar.engine.sql.CutOverSql}; waits go through the
 * {@link io.oscar.engine.migrate.Pacer}.
 */
package io.oscar.engine.cutover;
