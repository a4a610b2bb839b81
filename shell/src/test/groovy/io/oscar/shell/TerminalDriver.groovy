package io.oscar.shell

import org.jline.terminal.Attributes
import org.jline.terminal.Size
import org.jline.terminal.impl.DumbTerminal
import org.jline.utils.AttributedString

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path

/**
 * Drives the interactive Repl on a JLine test terminal: keystrokes in through a pipe, the screen's
 * text out (ANSI sequences stripped). The Repl runs on its own thread, as it would at a real prompt.
 */
class TerminalDriver implements AutoCloseable {
    final PipedOutputStream keys = new PipedOutputStream()
    final ByteArrayOutputStream screenBytes = new ByteArrayOutputStream()
    final Shell shell
    final Path historyFile
    final DumbTerminal terminal
    final Thread thread
    volatile Integer exitCode
    volatile Throwable failure

    TerminalDriver(ConnectionDefaults defaults, Path historyFile = Files.createTempFile('oscar_history', '')) {
        this.historyFile = historyFile
        def input = new PipedInputStream(keys, 1 << 16)
        def out = new OutputStream() {
            @Override
            void write(int b) { synchronized (screenBytes) { screenBytes.write(b) } }

            @Override
            void write(byte[] b, int off, int len) { synchronized (screenBytes) { screenBytes.write(b, off, len) } }
        }
        terminal = new DumbTerminal('test', 'ansi', input, out, StandardCharsets.UTF_8)
        terminal.setSize(new Size(200, 40))
        def attributes = terminal.getAttributes() // a tty's defaults: Ctrl-C raises SIGINT
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true)
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3)
        terminal.setAttributes(attributes)
        def screenWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true)
        shell = new Shell(screenWriter, screenWriter, defaults)
        thread = Thread.start('oscar-test-repl') {
            try {
                exitCode = new Repl(shell, terminal, historyFile).run()
            } catch (Throwable t) {
                failure = t
            }
        }
    }

    /** Types these keys (e.g. "hel\t\r", "\033[A" for up-arrow, "\003" for Ctrl-C). */
    TerminalDriver type(String text) {
        keys.write(text.getBytes(StandardCharsets.UTF_8))
        keys.flush()
        this
    }

    /** What the terminal shows, escape sequences removed. */
    String screen() {
        synchronized (screenBytes) {
            String raw = new String(screenBytes.toByteArray(), StandardCharsets.UTF_8)
            AttributedString.stripAnsi(raw.replaceAll('\u001B\\[\\?2004[hl]', '')) // bracketed paste on/off
        }
    }

    /** Waits until {@code text} has appeared in {@code where()} (the screen by default) at least {@code times} times. */
    String await(String text, int times = 1, long timeoutMillis = 15_000, Closure<String> where = { screen() }) {
        long deadline = System.currentTimeMillis() + timeoutMillis
        while (System.currentTimeMillis() < deadline) {
            String now = where()
            if (now.count(text) >= times) {
                return now
            }
            Thread.sleep(20) // polling a condition with a deadline
        }
        throw new AssertionError("waited ${timeoutMillis} ms for ${times} x '${text}'; screen:\n${screen()}", failure)
    }

    /** Waits until a line of the screen matches {@code pattern}; returns that line. */
    String awaitLine(String pattern, long timeoutMillis = 15_000) {
        def regex = java.util.regex.Pattern.compile(pattern)
        long deadline = System.currentTimeMillis() + timeoutMillis
        while (System.currentTimeMillis() < deadline) {
            String hit = screen().readLines().find { regex.matcher(it).find() }
            if (hit != null) {
                return hit
            }
            Thread.sleep(20) // polling a condition with a deadline
        }
        throw new AssertionError("waited ${timeoutMillis} ms for a line matching /${pattern}/; screen:\n${screen()}", failure)
    }

    @Override
    void close() {
        if (thread.alive) {
            type('\r')
            type('exit\r')
            thread.join(30_000)
        }
        shell.close()
        terminal.close()
    }
}
