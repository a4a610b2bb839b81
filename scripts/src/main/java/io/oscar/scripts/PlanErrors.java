package io.oscar.scripts;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what goes wrong in a plan file into one {@link OscarException} whose message starts with
 * {@code file:line:}, so the operator can go straight to the statement.
 */
final class PlanErrors {

    /** The plan statements, for "unknown statement" messages. */
    static final List<String> STATEMENTS = List.of("description", "schema", "foreignKeysReferencing", "foreignKeysOf",
            "foreignKey", "migrate", "dropForeignKey", "checkOrphans", "restoreForeignKey", "sql", "pause");

    private PlanErrors() {
    }

    /** Every compile error of the file, one {@code file:line: message} per line. */
    static OscarException compile(String fileName, MultipleCompilationErrorsException e) {
        List<String> lines = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            lines.add(describe(fileName, m));
        }
        if (lines.isEmpty()) {
            lines.add(fileName + ": " + e.getMessage());
        }
        return new OscarException(ErrorCode.INVALID_ARGUMENT, String.join("\n", lines), e);
    }

    /** A failure while the script ran (recorded steps), placed at the script's innermost line. */
    static OscarException runtime(String fileName, Throwable t) {
        String where = fileName + lineOf(fileName, t).map(n -> ":" + n).orElse("");
        ErrorCode code = t instanceof OscarException o ? o.code() : ErrorCode.INVALID_ARGUMENT;
        return new OscarException(code, where + ": " + explain(t), t);
    }

    private static String describe(String fileName, Message m) {
        if (m instanceof SyntaxErrorMessage s) {
            SyntaxException cause = s.getCause();
            return fileName + ":" + cause.getLine() + ": " + firstLine(cause.getOriginalMessage());
        }
        if (m instanceof ExceptionMessage x) {
            Exception cause = x.getCause();
            return fileName + ": " + firstLine(cause.getMessage());
        }
        if (m instanceof SimpleMessage s) {
            return fileName + ": " + firstLine(s.getMessage());
        }
        return fileName + ": " + m;
    }

    private static String explain(Throwable t) {
        if (t instanceof OscarException) {
            return t.getMessage();
        }
        if (t instanceof MissingMethodException m) {
            return missingMethod(m);
        }
        if (t instanceof MissingPropertyException p) {
            return missingProperty(p);
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : firstLine(message);
    }

    /**
     * A call that matched nothing. Thrown for the script itself, or for a closure of it (e.g. the body
     * of {@code fks.each { }}); calls inside a migrate block are answered by {@link MigrationBuilder}.
     */
    private static String missingMethod(MissingMethodException m) {
        String name = m.getMethod();
        Class<?> type = m.getType();
        boolean scriptLevel = type != null && (PlanScript.class.isAssignableFrom(type) || Closure.class.isAssignableFrom(type));
        if (scriptLevel && STATEMENTS.contains(name)) {
            return name + " does not take " + types(m.getArguments()) + "; see the plan language reference";
        }
        if (scriptLevel) {
            return "unknown statement '" + name + "'; statements are " + STATEMENTS;
        }
        return "no method " + name + types(m.getArguments()) + " on " + (type == null ? "null" : type.getSimpleName());
    }

    /** {@code (String, Integer)}: the argument types of a call, for messages. */
    static String types(Object[] args) {
        return Arrays.stream(args)
                .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String missingProperty(MissingPropertyException p) {
        if (MigrationBuilder.class.equals(p.getType())) {
            return p.getMessageWithoutLocationText();
        }
        return "unknown name '" + p.getProperty() + "'; declare it with def, or quote it if it is text"
                + " (cut-over modes are AUTO and MANUAL)";
    }

    /** The line of the innermost stack frame in the plan file, following causes. */
    private static Optional<Integer> lineOf(String fileName, Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (StackTraceElement e : c.getStackTrace()) {
                if (fileName.equals(e.getFileName()) && e.getLineNumber() > 0) {
                    return Optional.of(e.getLineNumber());
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }
}
