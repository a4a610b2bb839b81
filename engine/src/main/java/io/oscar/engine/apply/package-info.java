/**
 * The single writer's binlog half: {@link io.oscar.engine.apply.Applier} queues the row changes the
 * streamer delivers (bounded: a full queue slows the binlog reader, never drops) and applies them to
 * the ghost table in order, in batched transactions. It never copies rows; the writer loop decides
 * when to apply and when to copy (changes first).
 */
package io.oscar.engine.apply;
