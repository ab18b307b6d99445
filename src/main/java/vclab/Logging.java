package vclab;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
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
