package io.oscar.engine.sql;

import io.oscar.engine.schema.TableName;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The names of the tables oscar creates beside {@code t}: {@code _t_gho} (ghost), {@code _t_ghc}
 * (changelog), {@code _t_del} (the original after the swap), {@code _t_osc_probe} (an empty copy used to
 * ask the server whether an ALTER is instant). gh-ost's names, so operators recognise them.
 * <p>
 * MySQL and MariaDB names are at most 64 characters. When {@code _t_gho} would be longer, the table
 * part is shortened and a hash of the full name appended, so two long names never collide and a re-run
 * finds the artifacts of the previous run.
 */
public record ArtifactNames(TableName original, TableName ghost, TableName changelog, TableName old, TableName probe,
                            boolean shortened) {

    public static final int MAX_IDENTIFIER = 64;
    private static final int LONGEST_SUFFIX = "_osc_probe".length();

    public static ArtifactNames of(TableName table) {
        String t = table.table();
        boolean shorten = 1 + t.length() + LONGEST_SUFFIX > MAX_IDENTIFIER;
        String base = shorten ? shortBase(t) : t;
        return new ArtifactNames(table,
                table.sibling("_" + base + "_gho"),
                table.sibling("_" + base + "_ghc"),
                table.sibling("_" + base + "_del"),
                table.sibling("_" + base + "_osc_probe"),
                shorten);
    }

    /** Every artifact, for "left over from an earlier run?" checks and clean-up. */
    public List<TableName> all() {
        return List.of(ghost, changelog, old, probe);
    }

    private static String shortBase(String t) {
        String hash = hash(t);
        int keep = MAX_IDENTIFIER - 1 - LONGEST_SUFFIX - 1 - hash.length();
        return t.substring(0, keep) + "_" + hash;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
