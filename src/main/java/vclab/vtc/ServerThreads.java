package vclab.vtc;

/**
 * The simulated threads of servers. A server thread counts the connections that probes make
 * ({@link VtcServer#probe()}) as its iterations, logging what varnishtest logs around them.
 */
final class ServerThreads {

    private ServerThreads() {
    }

    static void start(VtcContext ctx, VtcServer s) {
        ctx.log(2, s.name, "Starting server");
        s.bind(ctx);
        ctx.log(1, s.name, "Listen on " + s.listen);
        s.cancelled = false;
        s.pendingConnections = 0;
        s.remainingIterations = s.repeat;
        String listen = s.listen;
        s.thread = ctx.scheduler().spawn(s.name, s, () -> body(ctx, s, listen));
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

    private static void body(VtcContext ctx, VtcServer s, String listen) {
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
