package io.oscar.scripts;

import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

import java.util.List;

/**
 * Rejects, at compile time and with the line, what has no place in a plan: files, sockets, JDBC,
 * reflection, threads, processes, {@code System.exit}, {@code obj.@field}. A lint against mistakes,
 * not a sandbox (Groovy is dynamic; a determined script can reach further). What keeps a plan from
 * writing is that nothing in its reach can: the loader hands it a {@link SchemaView} and no connection.
 */
final class PlanGuard extends CompilationCustomizer {

    private static final List<String> PACKAGES = List.of("java.io.", "java.net.", "java.nio.", "java.sql.", "javax.sql.",
            "groovy.sql.", "java.lang.reflect.", "java.lang.invoke.", "java.util.concurrent.", "javax.net.");

    private static final List<String> CLASSES = List.of("java.lang.System", "java.lang.Runtime", "java.lang.Thread",
            "java.lang.ThreadGroup", "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.Class",
            "java.lang.ClassLoader", "groovy.lang.GroovyShell", "groovy.lang.GroovyClassLoader", "groovy.util.Eval");

    /** Groovy's extension methods that start processes. */
    private static final List<String> METHODS = List.of("execute", "executeAndWait");

    PlanGuard() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        Visitor visitor = new Visitor(source);
        if (!module.getClasses().isEmpty() && module.getClasses().get(0) == classNode) {
            checkImports(module, visitor);
        }
        visitor.visitClass(classNode);
    }

    private static void checkImports(ModuleNode module, Visitor v) {
        for (ImportNode i : module.getImports()) {
            v.checkType(i.getType(), i);
        }
        for (ImportNode i : module.getStaticImports().values()) {
            v.checkType(i.getType(), i);
        }
        for (ImportNode i : module.getStaticStarImports().values()) {
            v.checkType(i.getType(), i);
        }
        for (ImportNode i : module.getStarImports()) {
            String pkg = i.getPackageName();
            if (PACKAGES.stream().anyMatch(pkg::startsWith)) {
                v.addError("import " + pkg + "* is not allowed in a plan: a plan reads the schema view and records steps", i);
            }
        }
    }

    static boolean forbidden(String typeName) {
        return CLASSES.contains(typeName) || PACKAGES.stream().anyMatch(typeName::startsWith);
    }

    private static final class Visitor extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        Visitor(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        void checkType(ClassNode type, org.codehaus.groovy.ast.ASTNode where) {
            if (type != null && forbidden(type.getName())) {
                addError(type.getName() + " is not allowed in a plan: a plan reads the schema view and records steps",
                        where);
            }
        }

        @Override
        public void visitClassExpression(ClassExpression e) {
            checkType(e.getType(), e);
            super.visitClassExpression(e);
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression e) {
            checkType(e.getType(), e);
            super.visitConstructorCallExpression(e);
        }

        @Override
        public void visitCastExpression(CastExpression e) {
            checkType(e.getType(), e);
            super.visitCastExpression(e);
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression e) {
            checkType(e.getLeftExpression().getType(), e);
            super.visitDeclarationExpression(e);
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression e) {
            checkType(e.getOwnerType(), e);
            super.visitStaticMethodCallExpression(e);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression e) {
            if (METHODS.contains(e.getMethodAsString())) {
                addError(e.getMethodAsString() + "() starts a process; not allowed in a plan", e);
            }
            super.visitMethodCallExpression(e);
        }

        @Override
        public void visitAttributeExpression(AttributeExpression e) {
            addError("direct field access (.@) is not allowed in a plan", e);
            super.visitAttributeExpression(e);
        }
    }
}
