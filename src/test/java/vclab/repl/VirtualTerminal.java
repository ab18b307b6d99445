package vclab.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A JLine terminal over in-memory streams: the test types keys, the REPL draws on a screen
 * buffer. {@link #screen()} gives the output with escape sequences and carriage returns
 * removed, so tests read it as text.
 */
final class VirtualTerminal implements AutoCloseable {
    /** An upper bound for output that is sure to come; reaching it fails the test. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PipedOutputStream keys;
    private final Output output = new Output();
    private final Terminal terminal;

    private VirtualTerminal(boolean dumb) throws IOException {
        keys = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keys, 1 << 16);
        if (dumb) {
            terminal = new DumbTerminal("vt", Terminal.TYPE_DUMB, input, output,
                    StandardCharsets.UTF_8);
        } else {
            terminal = new ExternalTerminal("vt", "xterm-256color", input, output,
                    StandardCharsets.UTF_8);
            terminal.setSize(new Size(160, 50));
        }
    }

    /** Returns a terminal that understands xterm's escape sequences. */
    static VirtualTerminal xterm() throws IOException {
        return new VirtualTerminal(false);
    }

    /** Returns JLine's dumb terminal, which the REPL uses when TERM is dumb or unset. */
    static VirtualTerminal dumb() throws IOException {
        return new VirtualTerminal(true);
    }

    Terminal terminal() {
        return terminal;
    }

    /**
     * Types text: {@code \r} is Enter, {@code \t} Tab, {@code \003} Ctrl-C and
     * {@code \004} Ctrl-D.
     */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Ends the input, as a closed pipe does; the dumb terminal has no Ctrl-D. */
    void endInput() throws IOException {
        keys.close();
    }

    /** Returns every byte the REPL wrote, as it wrote them. */
    String raw() {
        return output.text();
    }

    /** Returns the output without escape sequences and carriage returns. */
    String screen() {
        return strip(raw());
    }

    static String strip(String text) {
        return text.replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "")
                .replaceAll("\u001b[=>]", "")
                .replace("\r", "");
    }

    /** Waits until the screen shows {@code text} after position {@code from}; returns where. */
    int await(String text, int from) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            int at = screen().indexOf(text, from);
            if (at >= 0) {
                return at;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no '" + text + "' on the screen after " + from + ":\n"
                + screen());
    }

    int await(String text) throws InterruptedException {
        return await(text, 0);
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }

    /** A thread-safe byte sink. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
