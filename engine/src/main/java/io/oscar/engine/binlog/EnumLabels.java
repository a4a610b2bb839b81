package io.oscar.engine.binlog;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.ArrayList;
import java.util.List;

/** Reads the labels of {@code enum('a','b''c')} / {@code set(...)} as information_schema prints them. */
final class EnumLabels {
    private EnumLabels() {
    }

    static String[] parse(String columnType) {
        int open = columnType == null ? -1 : columnType.indexOf('(');
        if (open < 0) {
            throw new OscarException(ErrorCode.BINLOG_FAILED, "cannot read the labels of column type '" + columnType + "'");
        }
        List<String> labels = new ArrayList<>();
        StringBuilder cur = null;
        for (int i = open + 1; i < columnType.length(); i++) {
            char ch = columnType.charAt(i);
            if (cur == null) {
                if (ch == '\'') {
                    cur = new StringBuilder();
                } else if (ch == ')') {
                    break;
                }
            } else if (ch == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                cur.append('\'');
                i++;
            } else if (ch == '\'') {
                labels.add(cur.toString());
                cur = null;
            } else {
                cur.append(ch);
            }
        }
        return labels.toArray(String[]::new);
    }
}
