package io.oscar.shell;

import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

import java.util.HashMap;
import java.util.function.BooleanSupplier;

/**
 * JLine's line reader, plus a way for another thread to draw while holding the reader's lock, so a
 * status redraw never interleaves with the echo of a key being typed.
 */
final class PromptReader extends LineReaderImpl {
    PromptReader(Terminal terminal) {
        super(terminal, "oscar", new HashMap<>());
    }

    boolean whileLocked(BooleanSupplier action) {
        lock.lock();
        try {
            return action.getAsBoolean();
        } finally {
            lock.unlock();
        }
    }
}
