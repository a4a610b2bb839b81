package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The verbs that act on one running migration and must name it, as gh-ost's --force-named-cut-over
 * does: {@code cutover TABLE} (unpostpone) and {@code abort TABLE} (panic).
 */
public final class TableVerbCommand implements Command {
    private final String name;
    private final String alias;
    private final String summary;
    private final String done;
    private final BiConsumer<Shell, String> action;

    private TableVerbCommand(String name, String alias, String summary, String done, BiConsumer<Shell, String> action) {
        this.name = name;
        this.alias = alias;
        this.summary = summary;
        this.done = done;
        this.action = action;
    }

    public static TableVerbCommand cutover() {
        return new TableVerbCommand("cutover", "unpostpone", "Let a postponed migration swap the tables now that it is ready.",
                "cut-over requested for ", (shell, t) -> shell.session().cutover(t));
    }

    public static TableVerbCommand abort() {
        return new TableVerbCommand("abort", "panic", "Stop a migration: ghost and changelog dropped, original untouched.",
                "abort requested for ", (shell, t) -> shell.session().abort(t));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> aliases() {
        return List.of(alias);
    }

    @Override
    public String usage() {
        return name + " [SCHEMA.]TABLE";
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (args.size() != 1) {
            throw new UsageException(name + " must name the table (a safety catch, as gh-ost's named cut-over)");
        }
        action.accept(shell, args.get(0));
        shell.info().println(done + args.get(0));
    }
}
