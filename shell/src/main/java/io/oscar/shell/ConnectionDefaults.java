package io.oscar.shell;

import io.oscar.engine.db.ConnectionSpec;

/** Where {@code connect} with no arguments goes: the start-up options, resolved once. */
public record ConnectionDefaults(ConnectionSpec primary, ConnectionSpec replica) {
}
