package io.oscar.engine.inspect;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the global privileges out of {@code SHOW GRANTS} lines. Only grants {@code ON *.*} count;
 * schema, table, routine and proxy grants, role memberships ({@code GRANT r TO u}) and {@code USAGE}
 * are ignored. {@code ALL PRIVILEGES} stays one flag, {@code ALL PRIVILEGES}, rather than a version-
 * dependent list; {@code WITH GRANT OPTION} adds {@code GRANT OPTION}. Privileges of roles that are
 * granted but not shown (MySQL 8 without {@code SHOW GRANTS ... USING}) are not seen.
 */
final class GrantParser {
    static final String ALL = "ALL PRIVILEGES";
    static final String GRANT_OPTION = "GRANT OPTION";
    private static final Pattern GLOBAL = Pattern.compile("^GRANT\\s+(.+?)\\s+ON\\s+\\*\\.\\*\\s+TO\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern WITH_GRANT_OPTION = Pattern.compile("\\sWITH\\b.*\\bGRANT\\s+OPTION\\b", Pattern.CASE_INSENSITIVE);

    private GrantParser() {
    }

    static Set<String> globalPrivileges(Iterable<String> grantLines) {
        Set<String> out = new TreeSet<>();
        for (String line : grantLines) {
            Matcher m = GLOBAL.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            for (String p : m.group(1).split(",")) {
                String privilege = p.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
                if (privilege.equals("ALL")) {
                    privilege = ALL;
                }
                if (!privilege.isEmpty() && !privilege.equals("USAGE")) {
                    out.add(privilege);
                }
            }
            if (WITH_GRANT_OPTION.matcher(line).find()) {
                out.add(GRANT_OPTION);
            }
        }
        return out;
    }
}
