package io.oscar.engine.db;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of server answered, and the capabilities that follow from its version. Read from
 * {@code @@version} and {@code @@version_comment}; MariaDB says so in either.
 */
public record ServerFlavor(Kind kind, int major, int minor, int patch, String versionString) {

    public enum Kind { MYSQL, MARIADB }

    /** Which GTID scheme the server's binlog uses. */
    public enum GtidKind { MYSQL_UUID, MARIADB_DOMAIN }

    private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)");

    public static ServerFlavor parse(String version, String versionComment) {
        Matcher m = VERSION.matcher(version == null ? "" : version);
        if (!m.find()) {
            throw new OscarException(ErrorCode.UNSUPPORTED_SERVER,
                    "cannot read the server version '" + version + "'; oscar supports MySQL 5.7+ and MariaDB 10.x+");
        }
        boolean maria = contains(version, "mariadb") || contains(versionComment, "mariadb");
        return new ServerFlavor(maria ? Kind.MARIADB : Kind.MYSQL,
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), version);
    }

    public boolean isMariaDb() {
        return kind == Kind.MARIADB;
    }

    public boolean atLeast(int maj, int min, int pat) {
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    /** MySQL 8.0.13+ allows RENAME TABLE under LOCK TABLES; MariaDB refuses it (error 1192). */
    public boolean renameUnderLockTables() {
        return kind == Kind.MYSQL && atLeast(8, 0, 13);
    }

    /** Whether the server knows {@code ALGORITHM=INSTANT} at all (which ALTERs qualify is asked of the server). */
    public boolean instantDdl() {
        return isMariaDb() ? atLeast(10, 3, 2) : atLeast(8, 0, 12);
    }

    public GtidKind gtidKind() {
        return isMariaDb() ? GtidKind.MARIADB_DOMAIN : GtidKind.MYSQL_UUID;
    }

    /** MariaDB before 11.1 and MySQL before 5.7.20 only know {@code tx_isolation}. */
    public String isolationVariable() {
        boolean modern = isMariaDb() ? atLeast(11, 1, 0) : atLeast(5, 7, 20);
        return modern ? "transaction_isolation" : "tx_isolation";
    }

    /** Whether oscar supports this server at all. */
    public boolean supported() {
        return isMariaDb() ? atLeast(10, 3, 0) : atLeast(5, 7, 0);
    }

    /** {@code MariaDB 10.11.6}, for humans. */
    public String label() {
        return (isMariaDb() ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase().contains(needle);
    }
}
