package io.oscar.scripts;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import io.oscar.engine.api.ErrorCode;
import io.oscar.engine.api.OscarException;
import io.oscar.engine.plan.Plan;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads a {@code .groovy} plan file into an immutable {@link Plan}: compiles it with
 * {@link PlanScript} as base class, runs it once against a {@link SchemaView} (reads only), and
 * returns the steps it recorded. Every failure is an {@link OscarException} whose message starts
 * with {@code file:line:}.
 */
public final class PlanLoader {

    private PlanLoader() {
    }

    /** The plan in {@code file}; its name is the file name without {@code .groovy}. */
    public static Plan load(Path file, SchemaView view) {
        String fileName = file.getFileName().toString();
        return load(fileName, read(file), view);
    }

    /** The plan in {@code source}, reported as {@code fileName} in errors (for the shell's {@code -e} and specs). */
    public static Plan load(String fileName, String source, SchemaView view) {
        PlanScript script = compile(fileName, source);
        script.attach(view);
        try {
            script.run();
        } catch (RuntimeException | StackOverflowError e) {
            throw PlanErrors.runtime(fileName, e);
        }
        Plan plan = script.toPlan(baseName(fileName));
        if (plan.steps().isEmpty()) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT,
                    fileName + ": the plan records no steps; add migrate, sql, pause or foreign key steps");
        }
        return plan;
    }

    private static PlanScript compile(String fileName, String source) {
        GroovyShell shell = new GroovyShell(PlanLoader.class.getClassLoader(), new Binding(), PlanCompiler.configuration());
        try {
            Script script = shell.parse(source, fileName);
            return (PlanScript) script;
        } catch (MultipleCompilationErrorsException e) {
            throw PlanErrors.compile(fileName, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "plan file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new OscarException(ErrorCode.INVALID_ARGUMENT, "cannot read plan file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String baseName(String fileName) {
        return fileName.endsWith(".groovy") ? fileName.substring(0, fileName.length() - ".groovy".length()) : fileName;
    }
}
