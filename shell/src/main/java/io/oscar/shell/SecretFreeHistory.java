package io.oscar.shell;

import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The prompt's history (~/.oscar_history), minus every line that may carry a password: such a line
 * is neither kept in memory nor written to the file, so up-arrow cannot bring it back either.
 */
final class SecretFreeHistory extends DefaultHistory {
    /** --password, -pSECRET (not --postpone-...), IDENTIFIED BY, password=, the password variables. */
    static final Pattern SECRET = Pattern.compile(
            "(?i)(--password|(^|\\s)-p\\S|identified\\s+(by|with)|passw(or)?d\\s*[=:]|mysql_pwd|oscar_password)");

    static boolean secret(String line) {
        return SECRET.matcher(line).find();
    }

    @Override
    public void add(Instant time, String line) {
        if (!secret(line)) {
            super.add(time, line);
        }
    }
}
