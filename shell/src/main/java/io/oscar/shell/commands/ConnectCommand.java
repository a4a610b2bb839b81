package io.oscar.shell.commands;

import io.oscar.engine.api.ServerInfo;
import io.oscar.engine.db.ConnectionSpec;
import io.oscar.engine.db.HostPort;
import io.oscar.shell.Shell;

import java.util.List;

/**
 * {@code connect [USER@]HOST[:PORT] [--replica HOST:PORT]}: with no arguments, reconnects with the
 * start-up options. The password comes from the start-up options, OSCAR_PASSWORD/MYSQL_PWD or the
 * option file, never from this line (it would land in the history).
 */
public final class ConnectCommand implements Command {
    @Override
    public String name() {
        return "connect";
    }

    @Override
    public String usage() {
        return "connect [USER@]HOST[:PORT] [--replica HOST:PORT]";
    }

    @Override
    public String summary() {
        return "Connect to a primary (and a replica); the password is never typed on this line.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        ConnectionSpec primary = shell.defaults().primary();
        ConnectionSpec replica = shell.defaults().replica();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--replica")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--replica needs HOST:PORT");
                }
                replica = primary.withHostPort(HostPort.parse(args.get(++i), ConnectionSpec.DEFAULT_PORT));
            } else if (a.startsWith("--replica=")) {
                replica = primary.withHostPort(HostPort.parse(a.substring("--replica=".length()), ConnectionSpec.DEFAULT_PORT));
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option " + a);
            } else {
                primary = target(primary, a);
            }
        }
        if (replica != null) {
            replica = new ConnectionSpec(replica.host(), replica.port(), primary.user(), primary.password(), null);
        }
        shell.connect(primary, replica);
        for (ServerInfo s : shell.session().servers()) {
            shell.info().printf("connected to %s %s (%s)%n", s.role(), s.endpoint(), s.flavor().label());
        }
    }

    private static ConnectionSpec target(ConnectionSpec base, String text) {
        int at = text.lastIndexOf('@');
        String user = at < 0 ? base.user() : text.substring(0, at);
        HostPort hp = HostPort.parse(at < 0 ? text : text.substring(at + 1), ConnectionSpec.DEFAULT_PORT);
        return new ConnectionSpec(hp.host(), hp.port(), user, base.password(), base.database());
    }
}
