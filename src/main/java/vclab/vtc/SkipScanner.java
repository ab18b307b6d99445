package vclab.vtc;

import java.util.Map;

/**
 * Finds, before a test runs, the first command that needs something vclab does not model:
 * HTTP clients, programs in terminals, HAProxy, syslog, tunnels or VSM readers. Such a test
 * is reported as skipped with the reason, and nothing of it runs. {@code loop} bodies are
 * searched too, but files read by {@code include} are checked only when they run.
 */
final class SkipScanner {
    private static final Map<String, String> REASONS = Map.of(
            "client", "sends HTTP",
            "process", "runs a program in a terminal",
            "haproxy", "runs HAProxy",
            "syslog", "receives syslog messages",
            "tunnel", "relays TCP connections",
            "vsm", "reads varnishd's shared memory");
    private static final String PREFIX = "skipped: ";

    private SkipScanner() {
    }

    /** Returns the skip reason for the script, or null if vclab can run it. */
    static String scan(ParsedScript script) {
        for (VtcCommand c : script.commands()) {
            String reason = reason(c);
            if (reason != null) {
                return reason;
            }
            if (c.name().equals("loop") && c.words().size() >= 3) {
                VtcWord body = c.words().get(2);
                String inner = scan(VtcScriptParser.parse(body.text(), body.contentPos()));
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** Returns the skip reason for one command, or null. */
    static String reason(VtcCommand c) {
        String what = REASONS.get(c.name());
        if (what == null) {
            return null;
        }
        String instance = c.words().size() > 1 && !c.words().get(1).text().startsWith("-")
                ? " " + c.words().get(1).text() : "";
        return PREFIX + c.name() + instance + " (line " + c.pos().line() + ") " + what
                + ", which vclab does not model";
    }

    /**
     * Skips the test for {@code reason}, or with {@code --strict} fails it, because a test
     * that vclab cannot run must not pass a strict run.
     */
    static void skip(VtcContext ctx, String id, String reason) {
        if (ctx.options().strict()) {
            throw ctx.fail(id, "--strict: " + reason.substring(PREFIX.length()));
        }
        ctx.markSkipped();
        ctx.log(1, id, reason);
        ctx.skipReason(reason);
    }

    /** Returns the handler that skips the test when such a command is reached at run time. */
    static CommandHandler handler() {
        return call -> skip(call.ctx(), call.id(), reason(call.command()));
    }
}
