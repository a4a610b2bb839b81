/**
 * The row copy: {@link io.oscar.engine.copy.Chunker} walks the shared unique key in chunks between the
 * bounds taken at the start, {@link io.oscar.engine.copy.RowCopier} copies one chunk with
 * {@code INSERT IGNORE ... SELECT}. Neither decides when to run: the writer does, behind the throttle.
 */
package io.oscar.engine.copy;
