/**
 * The engine's public surface: what the shell and the plan scripts may use. Owns the single
 * exception type {@link io.oscar.engine.api.OscarException} with its {@link io.oscar.engine.api.ErrorCode}.
 * Nothing in here writes SQL.
 */
package io.oscar.engine.api;
