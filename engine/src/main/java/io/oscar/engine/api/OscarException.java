package io.oscar.engine.api;

/**
 * The one exception type oscar throws across its API. The message is written for the operator and
 * says what to do next; {@link #code()} is for programs.
 */
public class OscarException extends RuntimeException {
    private final ErrorCode code;

    public OscarException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OscarException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
