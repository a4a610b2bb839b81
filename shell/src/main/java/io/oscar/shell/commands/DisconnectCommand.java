package io.oscar.shell.commands;

import io.oscar.shell.Shell;

import java.util.List;

public final class DisconnectCommand implements Command {
    @Override
    public String name() {
        return "disconnect";
    }

    @Override
    public String usage() {
        return "disconnect";
    }

    @Override
    public String summary() {
        return "Close the connection to the servers.";
    }

    @Override
    public void run(Shell shell, List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("disconnect takes no arguments");
        }
        if (!shell.isConnected()) {
            shell.out().println("not connected");
            return;
        }
        shell.disconnect();
        shell.info().println("disconnected");
    }
}
