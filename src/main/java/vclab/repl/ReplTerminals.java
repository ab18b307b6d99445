package vclab.repl;

import java.io.IOException;
import java.lang.reflect.Method;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;

/**
 * Opens the terminal the REPL runs on, quietly. A terminal whose {@code TERM} is unset or
 * {@code dumb}, or on which no full terminal can be opened, gets JLine's dumb terminal: plain
 * line input and output, with no escape sequences and no warning on stderr.
 *
 * <p>JLine's native providers (FFM, JNI) make Java 22 and later print "restricted method"
 * warnings unless native access was enabled for the application; in that case JLine is
 * limited to its {@code exec} provider, which runs {@code stty} instead.
 */
public final class ReplTerminals {
    private static final System.Logger LOG = System.getLogger(ReplTerminals.class.getName());

    private ReplTerminals() {
    }

    /** Opens the process's own terminal (stdin and stdout). */
    public static Terminal system() throws IOException {
        String provider = nativeAccessAllowed() ? null : TerminalBuilder.PROP_PROVIDER_EXEC;
        String type = System.getenv("TERM");
        if (type != null && !type.isEmpty() && !type.equals(Terminal.TYPE_DUMB)) {
            try {
                return TerminalBuilder.builder().name("vclab").system(true).dumb(false)
                        .provider(provider).build();
            } catch (IOException | IllegalStateException e) {
                LOG.log(System.Logger.Level.DEBUG, "no full terminal, using a dumb one: {0}",
                        e.toString());
            }
        }
        Terminal terminal = TerminalBuilder.builder().name("vclab").system(true).dumb(true)
                .color(false).type(Terminal.TYPE_DUMB).provider(provider).build();
        // The dumb terminal leaves the tty in its normal mode, where Ctrl-C is a SIGINT that
        // would end the JVM; turn it into the terminal's INT, which cancels the line.
        Signals.register("INT", () -> terminal.raise(Terminal.Signal.INT));
        return terminal;
    }

    /**
     * Returns whether JLine may load native code without a warning: always before Java 22,
     * and later only when the application's (unnamed) module has native access.
     */
    static boolean nativeAccessAllowed() {
        if (Runtime.version().feature() < 22) {
            return true;
        }
        try {
            Method enabled = Module.class.getMethod("isNativeAccessEnabled");
            return (Boolean) enabled.invoke(ReplTerminals.class.getModule());
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }
}
