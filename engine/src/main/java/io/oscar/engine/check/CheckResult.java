package io.oscar.engine.check;

/** The outcome of one preflight check. {@code message} says what was found and, on WARN/FAIL, what to do. */
public record CheckResult(String check, Status status, String message) {

    public enum Status { PASS, WARN, FAIL }

    public static CheckResult pass(String check, String message) {
        return new CheckResult(check, Status.PASS, message);
    }

    public static CheckResult warn(String check, String message) {
        return new CheckResult(check, Status.WARN, message);
    }

    public static CheckResult fail(String check, String message) {
        return new CheckResult(check, Status.FAIL, message);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
