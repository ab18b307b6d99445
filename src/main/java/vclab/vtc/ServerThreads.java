package vclab.vtc;

import java.util.HashMap;
import java.util.Map;

/**
 * The simulated threads of servers. A server thread counts the connections that probes make
 * ({@link VtcServer#probe()}) as its iterations, logging what varnishtest logs around them,
 * and runs its specification for each one: the HTTP commands do nothing, because vclab
 * models no HTTP, while {@code barrier}, {@code delay}, {@code shell} and {@code loop} run.
 */
final class ServerThreads {
    /** The HTTP commands of client and server specifications, which vclab skips. */
    private static final Map<String, CommandHandler> HTTP_COMMANDS = httpCommands();

    private ServerThreads() {
    }

    private static Map<String, CommandHandler> httpCommands() {
        Map<String, CommandHandler> table = new HashMap<>();
        for (String name : new String[] {"accept", "close", "recv", "send", "send_n",
            "send_urgent", "sendhex", "shutdown", "timeout", "fatal", "non_fatal", "gunzip",
            "write_body", "chunked", "chunkedlen", "rxchunk", "stream", "settings", "rxresp",
            "rxrespbody", "rxresphdrs", "txpri", "txreq", "rxpri", "rxreq", "rxreqbody",
            "rxreqhdrs", "txresp", "upgrade", "expect", "expect_close", "expect_pattern"}) {
            table.put(name, call -> { });
        }
        return Map.copyOf(table);
    }

    static void start(VtcContext ctx, Interpreter interpreter, VtcServer s) {
        ctx.log(2, s.name, "Starting server");
        s.bind(ctx);
        ctx.log(1, s.name, "Listen on " + s.listen);
        s.cancelled = false;
        s.pendingConnections = 0;
        s.remainingIterations = s.repeat;
        String listen = s.listen;
        ParsedScript spec = s.spec == null ? null
                : VtcScriptParser.parse(s.spec, new SourcePos(s.name, 1, 1));
        s.thread = ctx.scheduler().spawn(s.name, s, () -> body(ctx, interpreter, s, listen,
                spec));
    }

    static void dispatch(VtcContext ctx, VtcServer s) {
        ctx.log(2, s.name, "Starting dispatch server");
        s.bind(ctx);
        s.dispatch = true;
        s.cancelled = false;
        // TODO: a dispatch server hands each connection to a new server s1, s2, ...; vclab
        // computes probe results from s0's specification and creates no such servers.
        s.thread = ctx.scheduler().spawn(s.name, s, () -> {
            ctx.log(2, s.name, "Dispatch started on " + s.listen);
            ctx.scheduler().blockUntil(() -> s.cancelled || ctx.isStopped() || ctx.isFailed(),
                    "dispatch server " + s.name);
        });
    }

    private static void body(VtcContext ctx, Interpreter interpreter, VtcServer s,
            String listen, ParsedScript spec) {
        try {
            ctx.log(2, s.name, "Started on " + listen + " (" + s.repeat + " iterations"
                    + (s.keepalive ? " using keepalive" : "") + ")");
            int fd = -1;
            for (int i = 0; i < s.repeat; i++) {
                ctx.scheduler().blockUntil(() -> s.pendingConnections > 0 || s.cancelled
                        || ctx.isStopped() || ctx.isFailed(), "connection to server " + s.name);
                if (s.cancelled || ctx.isStopped() || ctx.isFailed()) {
                    return;
                }
                s.pendingConnections--;
                s.remainingIterations--;
                if (fd < 0) {
                    fd = ctx.nextFd();
                    ctx.log(3, s.name, "accepted fd " + fd + " " + ctx.macro("localhost")
                            + " 0");
                }
                if (spec != null) {
                    interpreter.run(spec, s.name, HTTP_COMMANDS);
                }
                if (!s.keepalive) {
                    ctx.log(3, s.name, "shutting fd " + fd);
                    fd = -1;
                }
            }
            if (s.keepalive && fd >= 0) {
                ctx.log(3, s.name, "shutting fd " + fd);
            }
            ctx.log(2, s.name, "Ending");
        } catch (VtcFatal e) {
            // logged by VtcContext.fail; the thread just ends
        }
    }

    /** Waits for the server's thread, as {@code -wait} and the end of the test do. */
    static void await(VtcContext ctx, VtcServer s) {
        ctx.log(2, s.name, "Waiting for server (" + s.sockFd + "/-1)");
        ctx.scheduler().join(s.thread);
        s.thread = null;
    }

    static void breakServer(VtcContext ctx, VtcServer s) {
        ctx.log(2, s.name, "Breaking for server");
        if (s.thread != null) {
            s.cancelled = true;
            ctx.scheduler().join(s.thread);
            s.thread = null;
        }
        s.closeSocket();
    }
}
