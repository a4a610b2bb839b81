/**
 * When copy and apply must pause: a {@link io.oscar.engine.throttle.Throttler} names the reason or
 * says go. Implementations: manual, replica lag, max-load, flag file, composite, no-op; critical load
 * aborts instead. Runtime knobs live in {@link io.oscar.engine.throttle.Tunables}. Throttlers never
 * sleep: the one gate that waits is the writer's.
 */
package io.oscar.engine.throttle;
