package io.oscar.scripts;

import io.oscar.engine.plan.CutoverMode;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * How a plan file is compiled: {@link PlanScript} as the base class, {@code AUTO}/{@code MANUAL} and
 * the schema value types imported, and {@link PlanGuard} against what does not belong in a plan.
 */
final class PlanCompiler {

    private PlanCompiler() {
    }

    static CompilerConfiguration configuration() {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(PlanScript.class.getName());
        config.setSourceEncoding("UTF-8");
        ImportCustomizer imports = new ImportCustomizer();
        imports.addStaticStars(CutoverMode.class.getName());
        imports.addImports("io.oscar.engine.schema.ForeignKey", "io.oscar.engine.schema.TableName");
        config.addCompilationCustomizers(imports, new PlanGuard());
        return config;
    }
}
