package io.oscar.engine.db;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

/** A {@code host:port} pair as operators type it ({@code 127.0.0.1:3308}, {@code [::1]:3306}, {@code db1}). */
public record HostPort(String host, int port) {

    public static HostPort parse(String text, int defaultPort) {
        if (text == null || text.isBlank()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "expected HOST[:PORT], got nothing");
        }
        String t = text.trim();
        String host;
        String portText = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT, "unclosed '[' in " + t);
            }
            host = t.substring(1, close);
            if (t.length() > close + 1 && t.charAt(close + 1) == ':') {
                portText = t.substring(close + 2);
            }
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            portText = t.substring(t.indexOf(':') + 1);
        } else {
            host = t;
        }
        int port = defaultPort;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new OscarException(ErrorCode.INVALID_ARGUMENT, "port '" + portText + "' in '" + t + "' is not a number");
            }
        }
        if (host.isEmpty()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "no host in '" + t + "'");
        }
        return new HostPort(host, port);
    }

    static String format(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return format(host, port);
    }
}
