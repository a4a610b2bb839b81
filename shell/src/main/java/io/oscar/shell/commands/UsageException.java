package io.oscar.shell.commands;

/** Wrong arguments to a command: the shell prints the message and the command's usage. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
