package io.oscar.shell;

import io.oscar.engine.api.Progress;
import io.oscar.shell.commands.Command;
import io.oscar.shell.commands.MigrationArguments;
import io.oscar.shell.commands.SetCommand;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tab at the prompt: verbs and aliases; then, by verb, options, schemas, {@code schema.table} and
 * table names from the connected server, running migrations, {@code set} names and {@code .groovy}
 * plan files. Never throws and never fails the line: a server that cannot answer just gives nothing.
 */
final class ShellCompleter implements Completer {
    private final Shell shell;
    private final NameCache names;
    private final Completer groovyFiles = new Completers.FileNameCompleter() {
        @Override
        protected boolean accept(Path path) {
            return super.accept(path) && (Files.isDirectory(path) || path.toString().endsWith(".groovy"));
        }
    };

    ShellCompleter(Shell shell, NameCache names) {
        this.shell = shell;
        this.names = names;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        try {
            if (line.wordIndex() == 0) {
                shell.commands().names().forEach(n -> candidates.add(word(n)));
                return;
            }
            Optional<Command> verb = shell.commands().find(line.words().get(0));
            if (verb.isPresent()) {
                arguments(verb.get().name(), reader, line, candidates);
            }
        } catch (RuntimeException e) {
            candidates.clear(); // not connected, or the server went away: no candidates, no noise
        }
    }

    private void arguments(String verb, LineReader reader, ParsedLine line, List<Candidate> out) {
        String current = line.word().substring(0, line.wordCursor());
        boolean firstArgument = line.words().subList(1, line.wordIndex()).stream().allMatch(w -> w.startsWith("-"));
        switch (verb) {
            case "plan", "run" -> {
                if (current.startsWith("-")) {
                    MigrationArguments.optionNames().forEach(o -> out.add(o.endsWith("=") ? partial(o) : word(o)));
                } else if (looksLikePath(current)) {
                    groovyFiles.complete(reader, line, out);
                } else if (firstArgument) {
                    tables(current, out);
                }
            }
            case "inspect" -> {
                out.add(word("--json"));
                tables(current, out);
            }
            case "cutover", "abort" -> running().forEach(t -> out.add(word(t)));
            case "use" -> schemas().forEach(s -> out.add(word(s)));
            case "set" -> SetCommand.NAMES.forEach(n -> out.add(partial(n + "=")));
            case "help" -> shell.commands().names().forEach(n -> out.add(word(n)));
            case "status" -> out.add(word("--json"));
            case "connect" -> out.add(word("--replica"));
            default -> { }
        }
    }

    /** {@code sch<Tab>} offers {@code schema.} and tables of the current schema; {@code schema.ta<Tab>} its tables. */
    private void tables(String current, List<Candidate> out) {
        if (!shell.isConnected()) {
            return;
        }
        int dot = current.indexOf('.');
        if (dot >= 0) {
            String schema = current.substring(0, dot);
            names.get("tables:" + schema, k -> shell.session().tables(schema)).forEach(t -> out.add(word(schema + "." + t)));
            return;
        }
        schemas().forEach(s -> out.add(partial(s + ".")));
        String currentSchema = shell.session().currentSchema();
        if (currentSchema != null) {
            names.get("tables:" + currentSchema, k -> shell.session().tables(currentSchema)).forEach(t -> out.add(word(t)));
        }
    }

    private List<String> schemas() {
        return shell.isConnected() ? names.get("schemas", k -> shell.session().schemas()) : List.of();
    }

    private List<String> running() {
        if (!shell.isConnected()) {
            return List.of();
        }
        return shell.session().status().stream().filter(p -> !p.phase().finished()).map(Progress::table).toList();
    }

    private static boolean looksLikePath(String word) {
        return word.contains("/") || word.startsWith("~") || word.toLowerCase(Locale.ROOT).endsWith(".groovy");
    }

    private static Candidate word(String value) {
        return new Candidate(value, value, null, null, null, null, true);
    }

    /** A candidate the operator goes on typing after (no space): {@code schema.}, {@code chunk-size=}. */
    private static Candidate partial(String value) {
        return new Candidate(value, value, null, null, null, null, false);
    }
}
