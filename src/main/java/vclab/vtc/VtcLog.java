package vclab.vtc;

import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The log buffer of one test, in varnishtest's format: {@code <lead> <id padded to 5> <text>}
 * per line, with a {@code **** dT <seconds>} line whenever the elapsed time in milliseconds
 * differs from that of the previous line. The clock is the test's virtual clock.
 *
 * <p>Only simulated threads of the test write to it, one at a time, so it needs no lock.
 */
public final class VtcLog {
    /** Dumps show at most this many bytes, then a {@code [...] (remaining)} line. */
    public static final int MAX_DUMP = 8192;

    private static final String[] LEADS = {"----", "*   ", "**  ", "*** ", "****"};

    private final StringBuilder buffer = new StringBuilder();
    private final LongSupplier clockNanos;
    private final long capacity;
    private final boolean enabled;
    private long lastMillis = -1;
    private boolean full;

    /**
     * @param clockNanos the elapsed virtual time of the test, in nanoseconds
     * @param capacity the buffer size in bytes ({@code -b}); later lines are dropped
     */
    public VtcLog(LongSupplier clockNanos, long capacity) {
        this(clockNanos, capacity, true);
    }

    /**
     * @param enabled false for a log that is never read (a run under the explorer), which
     *     then formats and keeps nothing, and {@link #text()} is empty
     */
    public VtcLog(LongSupplier clockNanos, long capacity, boolean enabled) {
        this.clockNanos = clockNanos;
        this.capacity = capacity;
        this.enabled = enabled;
    }

    /** Returns false when the log discards everything, so callers can skip formatting. */
    public boolean enabled() {
        return enabled;
    }

    /** Appends one line at {@code level} (0 for a fatal error, 1 to 4 for detail). */
    public void log(int level, String id, String text) {
        if (enabled) {
            emit(lead(level, id) + text + "\n");
        }
    }

    /**
     * Appends a multi-line text, one line per log line with the prefix {@code NAME|}. Bytes
     * outside printable ASCII are written as {@code \xHH}, CR and TAB as {@code \r} and
     * {@code \t}.
     */
    public void dump(int level, String id, String prefix, String text) {
        if (!enabled) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String pfx = lead(level, id) + prefix + "|";
        StringBuilder sb = new StringBuilder();
        int len = Math.min(bytes.length, MAX_DUMP);
        quoteWithPrefix(sb, pfx, bytes, len);
        if (bytes.length > MAX_DUMP) {
            sb.append(pfx).append(" [...] (").append(bytes.length - MAX_DUMP).append(")\n");
        }
        emit(sb.toString());
    }

    /** Returns the whole log so far. */
    public String text() {
        return buffer.toString();
    }

    private static String lead(int level, String id) {
        return LEADS[level] + " " + String.format("%-5s", id) + " ";
    }

    private void emit(String entry) {
        if (entry.isEmpty()) {
            return;
        }
        long millis = Math.round(clockNanos.getAsLong() / 1e6);
        StringBuilder sb = new StringBuilder();
        if (millis != lastMillis) {
            sb.append(String.format("**** dT    %d.%03d\n", millis / 1000, millis % 1000));
            lastMillis = millis;
        }
        sb.append(entry);
        if (buffer.length() + sb.length() >= capacity) {
            // NOTE: varnishtest 7.1 dies on an assertion when its buffer overflows; vclab keeps
            // the test running and drops the lines that do not fit.
            if (!full) {
                full = true;
                buffer.append("**** top   [log buffer of ").append(capacity)
                        .append(" bytes full, later lines dropped]\n");
            }
            return;
        }
        buffer.append(sb);
    }

    /** Writes {@code len} bytes line by line after {@code pfx}, escaping unsafe bytes. */
    static void quoteWithPrefix(StringBuilder sb, String pfx, byte[] bytes, int len) {
        if (len == 0) {
            return;
        }
        sb.append(pfx);
        boolean quote = false;
        for (int i = 0; i < len; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 || b == '"' || b == '\\' || b > 0x7e) {
                quote = true;
                break;
            }
        }
        if (!quote) {
            sb.append(new String(bytes, 0, len, StandardCharsets.ISO_8859_1)).append('\n');
            return;
        }
        boolean newline = false;
        for (int i = 0; i < len; i++) {
            if (newline) {
                sb.append(pfx);
            }
            newline = false;
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\n' -> {
                    sb.append('\n');
                    newline = true;
                }
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (b >= 0x20 && b <= 0x7e) {
                        sb.append((char) b);
                    } else {
                        sb.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        if (!newline) {
            sb.append('\n');
        }
    }
}
