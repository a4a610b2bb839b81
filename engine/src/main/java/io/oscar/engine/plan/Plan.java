package io.oscar.engine.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An ordered list of steps with a name and a description. Immutable. {@link #hash()} identifies the
 * steps, so resuming a re-run refuses a plan whose steps changed in between.
 */
public record Plan(String name, String description, List<Step> steps) {

    public Plan {
        steps = List.copyOf(steps);
    }

    /** Hex SHA-256 over the step descriptions, in order. */
    public String hash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Step s : steps) {
                md.update(s.describe().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
