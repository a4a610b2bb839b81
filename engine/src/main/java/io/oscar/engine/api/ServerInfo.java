package io.oscar.engine.api;

import io.oscar.engine.db.ServerFlavor;

/**
 * What a session is connected to, for display.
 *
 * @param endpoint {@code user@host:port}, never the password
 */
public record ServerInfo(String role, String endpoint, ServerFlavor flavor, String versionString) {
}
