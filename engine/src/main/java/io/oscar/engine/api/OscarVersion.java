package io.oscar.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** oscar's own version, stamped into the engine jar at build time. */
public final class OscarVersion {
    private OscarVersion() {
    }

    public static String current() {
        try (InputStream in = OscarVersion.class.getResourceAsStream("/io/oscar/engine/oscar.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
