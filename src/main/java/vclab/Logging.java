package vclab;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sets up java.util.logging, which System.Logger writes to: one line per record on stderr,
 * "vclab: LEVEL: message". Commands that print their own output keep logging to warnings;
 * {@code serve} logs its starts, stops and connections at INFO.
 */
final class Logging {
    private Logging() {
    }

    /**
     * Makes the JVM use {@link Manager}. Takes effect only before the first use of
     * java.util.logging, so call it first thing in {@code main}.
     */
    static void installManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", Manager.class.getName());
        }
    }

    /**
     * A LogManager that keeps its handlers while the JVM shuts down. The JDK's LogManager
     * resets itself in a shutdown hook of its own, which runs at the same time as
     * {@code serve}'s hook and would drop the "stopped" line that hook logs on SIGTERM.
     */
    public static final class Manager extends LogManager {
        public Manager() {
        }

        @Override
        public void reset() {
            if (!isShuttingDown()) {
                super.reset();
            }
        }

        /** Returns whether shutdown hooks are running: then the JVM takes no new hook. */
        private static boolean isShuttingDown() {
            Thread probe = new Thread(() -> { });
            try {
                Runtime.getRuntime().addShutdownHook(probe);
            } catch (IllegalStateException e) {
                return true;
            }
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        }
    }

    static void configure(Level level) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String msg = formatMessage(r);
                if (r.getThrown() != null) {
                    msg += ": " + r.getThrown();
                }
                return "vclab: " + r.getLevel().getName() + ": " + msg + System.lineSeparator();
            }
        });
        root.addHandler(console);
        root.setLevel(level);
    }
}
