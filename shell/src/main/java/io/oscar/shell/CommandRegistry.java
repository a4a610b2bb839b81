package io.oscar.shell;

import io.oscar.shell.commands.Command;
import io.oscar.shell.commands.ConnectCommand;
import io.oscar.shell.commands.DisconnectCommand;
import io.oscar.shell.commands.ExitCommand;
import io.oscar.shell.commands.HelpCommand;
import io.oscar.shell.commands.HistoryCommand;
import io.oscar.shell.commands.InspectCommand;
import io.oscar.shell.commands.PlanCommand;
import io.oscar.shell.commands.RunCommand;
import io.oscar.shell.commands.SetCommand;
import io.oscar.shell.commands.StatusCommand;
import io.oscar.shell.commands.TableVerbCommand;
import io.oscar.shell.commands.ThrottleCommand;
import io.oscar.shell.commands.UseCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every shell verb and alias, and the nearest-name suggestion for a typo. */
public final class CommandRegistry {
    private final List<Command> commands;
    private final Map<String, Command> byName = new LinkedHashMap<>();

    CommandRegistry(List<Command> commands) {
        this.commands = List.copyOf(commands);
        for (Command c : commands) {
            byName.put(c.name(), c);
            c.aliases().forEach(a -> byName.put(a, c));
        }
    }

    static CommandRegistry standard() {
        return new CommandRegistry(List.of(new ConnectCommand(), new DisconnectCommand(), new UseCommand(), new InspectCommand(), new PlanCommand(),
                new RunCommand(), new StatusCommand(), new ThrottleCommand(true), new ThrottleCommand(false), new SetCommand(),
                TableVerbCommand.cutover(), TableVerbCommand.abort(), new HistoryCommand(), new HelpCommand(), new ExitCommand()));
    }

    public List<Command> all() {
        return commands;
    }

    /** Every name and alias, for completion. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** "unknown command 'conect'; did you mean 'connect'?" */
    public String unknown(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : byName.keySet()) {
            int d = distance(name.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        String msg = "unknown command '" + name + "'";
        if (best != null && bestDistance <= Math.max(2, name.length() / 3)) {
            msg += "; did you mean '" + best + "'?";
        }
        return msg + " (type 'help' for the list)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
