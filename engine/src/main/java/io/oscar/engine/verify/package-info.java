/**
 * Verification that the ghost holds what the original holds, before the swap:
 * {@link io.oscar.engine.verify.Checksummer} walks the shared key in chunks and compares each range's
 * row count and {@code BIT_XOR(CRC32(row text))} on both tables ({@link io.oscar.engine.sql.ChecksumSql}),
 * with a text form per column that makes allowed type changes compare equal ({@code ChecksumColumns}).
 *
 * <p>It reads, never writes, and does not choose the moment: the caller must give it a consistent
 * point, i.e. the applier caught up with the binlog and paused, and the original not changing under it
 * (writes blocked, or both tables read in one {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} on the
 * checksummer's connection taken while they are blocked). Otherwise a row written in between shows up as
 * a mismatch that is no fault of the copy. Re-copying a mismatching range is the migration's job.
 *
 * <p>Besides ranges it compares rows by key ({@link io.oscar.engine.verify.Checksummer#compareKeys}) and
 * counts, and records which rows the applier touched ({@link io.oscar.engine.verify.ChangedKeys}): what the
 * incremental verification needs at the consistent point.
 */
package io.oscar.engine.verify;
