package vclab.cli;

import java.util.List;
import java.util.function.IntSupplier;

/**
 * The response body and status of one CLI command while it runs, like varnishd's per-command
 * VSB with VCLI_Out on top.
 *
 * <p>Two kinds of write exist. {@link #print} is VCLI_Out: it is dropped once the body has
 * reached {@code cli_limit} (and then turns 200 into 201), but a print that starts below the
 * limit is completed whatever its length. {@link #append} is a write straight into the buffer
 * that ignores the limit, as varnishd's JSON string writer and parameter error messages do.
 * {@link #reply()} finally cuts a body longer than the limit to {@code cli_limit - 1} bytes.
 *
 * <p>Indentation reproduces VSB_indent: the current indentation is inserted only at the start
 * of a write, and only when the body is empty or ends with a newline. Newlines inside one write
 * get no indentation, which is why varnishd's JSON has {@code }} lines in column 0.
 */
public final class CliOutput {
    /** The body varnishd pre-fills and sends for an unknown command. */
    public static final String UNKNOWN_REQUEST = "Unknown request.\nType 'help' for more info.\n";

    private final Dialect dialect;
    private final IntSupplier cliLimit;
    private final StringBuilder body = new StringBuilder();
    private int status = CliStatus.OK;
    private int indent;

    /**
     * @param cliLimit the {@code cli_limit} parameter in bytes, read at every write because a
     *     command may change it while it runs
     */
    public CliOutput(Dialect dialect, IntSupplier cliLimit) {
        this.dialect = dialect;
        this.cliLimit = cliLimit;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Writes text unless the body has already reached {@code cli_limit} (VCLI_Out). */
    public void print(String text) {
        if (body.length() < cliLimit.getAsInt()) {
            indentAtLineStart();
            body.append(text);
        } else if (status == CliStatus.OK) {
            status = CliStatus.TRUNCATED;
        }
    }

    /**
     * Writes text regardless of {@code cli_limit}. An empty write inserts no indentation, as
     * VSB_cat does not.
     */
    public void append(String text) {
        if (text.isEmpty()) {
            return;
        }
        indentAtLineStart();
        body.append(text);
    }

    /** Writes a JSON string literal, quotes included, regardless of the limit (VCLI_JSON_str). */
    public void jsonString(String text) {
        indentAtLineStart();
        body.append('"').append(CliQuote.json(dialect, text)).append('"');
    }

    /**
     * Opens the JSON envelope {@code [ <version>, [<argv>], <epoch %.3f>} and indents by two.
     *
     * @param argv the command word and its arguments
     * @param epochSeconds the wall-clock time of the reply
     */
    public void jsonBegin(int version, List<String> argv, double epochSeconds) {
        print("[ " + version + ", [");
        for (int i = 0; i < argv.size(); i++) {
            jsonString(argv.get(i));
            if (i + 1 < argv.size()) {
                print(", ");
            }
        }
        print("], " + CFormat.fixed(epochSeconds, 3));
        indent(2);
    }

    /** Closes the JSON envelope with {@code \n]\n}. */
    public void jsonEnd() {
        indent(-2);
        print("\n");
        print("]\n");
    }

    /** Changes the indentation by delta spaces. */
    public void indent(int delta) {
        if (indent + delta < 0) {
            throw new IllegalStateException("CLI output indentation would become negative: "
                    + indent + " + " + delta);
        }
        indent += delta;
    }

    /**
     * Sets the status as VCLI_SetResult does: a 201 already caused by truncation stays 201 when
     * the new status is 200.
     */
    public void setStatus(int code) {
        if (status != CliStatus.TRUNCATED || code != CliStatus.OK) {
            status = code;
        }
    }

    /** Sets the status unconditionally, as the dispatcher does before it runs a handler. */
    void resetStatus(int code) {
        status = code;
    }

    public int status() {
        return status;
    }

    /** Empties the body (VSB_clear); status and indentation stay. */
    public void clear() {
        body.setLength(0);
    }

    /** The body length in bytes so far. */
    public int length() {
        return body.length();
    }

    /** True when the body has reached the limit or a write was dropped (VCLI_Overflow). */
    public boolean overflowed() {
        return status == CliStatus.TRUNCATED || body.length() >= cliLimit.getAsInt();
    }

    /** The body so far, without the final cut. */
    public String text() {
        return body.toString();
    }

    /**
     * The finished response: a body longer than {@code cli_limit} is cut to {@code cli_limit - 1}
     * bytes, and a 200 then becomes 201; other statuses are kept.
     */
    public CliReply reply() {
        int limit = cliLimit.getAsInt();
        String text = body.toString();
        int replyStatus = status;
        if (text.length() > limit) {
            if (replyStatus == CliStatus.OK) {
                replyStatus = CliStatus.TRUNCATED;
            }
            text = text.substring(0, Math.max(0, limit - 1));
        }
        return new CliReply(replyStatus, text);
    }

    private void indentAtLineStart() {
        if (indent == 0) {
            return;
        }
        int len = body.length();
        if (len == 0 || body.charAt(len - 1) == '\n') {
            body.append(" ".repeat(indent));
        }
    }
}
