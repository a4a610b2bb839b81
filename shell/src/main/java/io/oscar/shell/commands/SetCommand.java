package io.oscar.shell.commands;

import io.oscar.engine.plan.MigrationOptions;
import io.oscar.engine.throttle.Tunables;
import io.oscar.shell.Shell;

import java.util.List;

/**
 * {@code set NAME=VALUE} / {@code set NAME=?} (also typed bare, as gh-ost's {@code chunk-size=500}):
 * chunk-size, max-lag-ms, nice-ratio, max-load, critical-load of every running migration.
 */
public final class SetCommand implements Command {
    public static final List<String> NAMES = List.of("chunk-size", "max-lag-ms", "nice-ratio", "max-load", "critical-load");

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String usage() {
        return "set NAME=VALUE | NAME=?   (" + String.join(", ", NAMES) + ")";
    }

    @Override
    public String summary() {
        return "Change or read a knob of the running migrations; takes effect at once.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (args.size() != 1 || !args.get(0).contains("=")) {
            throw new UsageException("expected NAME=VALUE or NAME=?");
        }
        String name = args.get(0).substring(0, args.get(0).indexOf('='));
        String value = args.get(0).substring(args.get(0).indexOf('=') + 1);
        if (!NAMES.contains(name)) {
            throw new UsageException("unknown setting '" + name + "'");
        }
        List<Tunables> running = shell.session().tunables();
        if (running.isEmpty()) {
            throw new UsageException("no running migration; give the value as an option of 'run' (--" + name + "=...)");
        }
        for (Tunables t : running) {
            shell.out().println(name + "=" + (value.equals("?") ? read(t, name) : write(t, name, value)));
        }
    }

    private static String read(Tunables t, String name) {
        return switch (name) {
            case "chunk-size" -> Integer.toString(t.chunkSize());
            case "max-lag-ms" -> Long.toString(t.maxLagMs());
            case "nice-ratio" -> Double.toString(t.niceRatio());
            case "max-load" -> t.maxLoad().toString();
            default -> t.criticalLoad().toString();
        };
    }

    private static String write(Tunables t, String name, String value) {
        try {
            return switch (name) {
                case "chunk-size" -> Integer.toString(t.setChunkSize(Integer.parseInt(value)));
                case "max-lag-ms" -> Long.toString(t.setMaxLagMs(Long.parseLong(value)));
                case "nice-ratio" -> Double.toString(t.setNiceRatio(Double.parseDouble(value)));
                case "max-load" -> {
                    t.setMaxLoad(MigrationOptions.parseThresholds(value));
                    yield t.maxLoad().toString();
                }
                default -> {
                    t.setCriticalLoad(MigrationOptions.parseThresholds(value));
                    yield t.criticalLoad().toString();
                }
            };
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, got '" + value + "'");
        }
    }
}
