package io.oscar.engine.binlog;

import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;

import java.util.Objects;

/**
 * A place in one server's binary log: file and byte offset, plus the GTID set executed up to there
 * when the server has one (MariaDB {@code domain-server-seq[,...]}, MySQL {@code uuid:1-5[,...]}),
 * else null. File positions are only meaningful on the server they were read from; compare positions
 * of one server only.
 */
public record BinlogPosition(String file, long position, String gtidSet) implements Comparable<BinlogPosition> {

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (position < 0) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "binlog position " + position + " is negative");
        }
        gtidSet = gtidSet == null || gtidSet.isBlank() ? null : gtidSet.strip();
    }

    public BinlogPosition(String file, long position) {
        this(file, position, null);
    }

    public BinlogPosition withGtidSet(String gtids) {
        return new BinlogPosition(file, position, gtids);
    }

    /** Binlog files are numbered ({@code mysql-bin.000012}): compare the number, then the offset. */
    @Override
    public int compareTo(BinlogPosition o) {
        int c = Long.compare(fileNumber(file), fileNumber(o.file));
        if (c == 0) {
            c = file.compareTo(o.file);
        }
        return c != 0 ? c : Long.compare(position, o.position);
    }

    public boolean atOrAfter(BinlogPosition other) {
        return compareTo(other) >= 0;
    }

    private static long fileNumber(String file) {
        int dot = file.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return file + ":" + position + (gtidSet == null ? "" : " (" + gtidSet + ")");
    }
}
