package vclab.vtc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A VTC barrier: {@code cond N} opens when N parties have called {@code sync}; {@code sock N}
 * also binds a real loopback socket so that {@code ${bNAME_addr/_port/_sock}} exist, while the
 * parties themselves are counted inside the simulation.
 */
public final class VtcBarrier {
    /** The kind of barrier, set by its declaration. */
    public enum Kind { NONE, COND, SOCK }

    private final String name;
    private Kind kind = Kind.NONE;
    private int expected;
    private int waiters;
    private boolean cyclic;
    private long cycle;
    private boolean sockOpen;
    private ServerSocket socket;

    VtcBarrier(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns the number of parties waiting now. */
    public int waiters() {
        return waiters;
    }

    void declare(VtcContext ctx, String id, Kind newKind, String count) {
        if (kind != Kind.NONE) {
            throw ctx.fail(id, "Barrier(" + name + ") use error: already initialized");
        }
        long n = Interpreter.parseUnsigned(count);
        if (n < 2) {
            throw ctx.fail(id, "Barrier(" + name + ") use error: wrong expectation (" + n + ")");
        }
        expected = (int) Math.min(n, Integer.MAX_VALUE);
        kind = newKind;
        if (newKind == Kind.SOCK) {
            openSocket(ctx);
        }
    }

    private void openSocket(VtcContext ctx) {
        String host = ctx.macro("localhost");
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(host, 0), expected);
        } catch (IOException e) {
            throw ctx.fail(name, "Barrier(" + name + ") " + e.getMessage() + " fails: "
                    + e.getMessage());
        }
        String addr = socket.getInetAddress().getHostAddress();
        String port = Integer.toString(socket.getLocalPort());
        ctx.defineMacro(name, name + "_addr", addr);
        ctx.defineMacro(name, name + "_port", port);
        ctx.defineMacro(name, name + "_sock", addr.contains(":")
                ? "[" + addr + "]:" + port : addr + ":" + port);
        sockOpen = true;
    }

    void makeCyclic(VtcContext ctx, String id) {
        if (kind == Kind.NONE) {
            throw ctx.fail(id, "Barrier(" + name + ") use error: not initialized");
        }
        if (waiters != 0) {
            throw ctx.fail(id, "Barrier(" + name + ") use error: already in use");
        }
        cyclic = true;
    }

    /**
     * Waits at the barrier until all parties have arrived, or the test fails or stops. Called
     * on a simulated thread; {@code id} is the caller's log id.
     */
    public void sync(VtcContext ctx, String id) {
        switch (kind) {
            case NONE -> throw ctx.fail(id, "Barrier(" + name + ") use error: not initialized");
            case COND -> arrive(ctx, id, id);
            case SOCK -> {
                ctx.log(4, id, "Barrier(" + name + ") sync with socket");
                if (!sockOpen) {
                    throw ctx.fail(id, "Barrier(" + name
                            + ") connection failed: Connection refused");
                }
                arrive(ctx, name, id);
            }
            default -> throw new IllegalStateException("barrier kind " + kind);
        }
    }

    /** Counts one party; the barrier's own messages go under {@code logId}. */
    private void arrive(VtcContext ctx, String logId, String callerId) {
        if (waiters >= expected) {
            throw ctx.fail(kind == Kind.SOCK ? name : callerId, "Barrier(" + name
                    + ") use error: more waiters than the " + expected + " expected");
        }
        waiters++;
        if (waiters == expected) {
            ctx.log(4, logId, "Barrier(" + name + ") wake " + expected);
            cycle++;
            if (cyclic) {
                waiters = 0;
            } else if (kind == Kind.SOCK) {
                closeSocket(ctx);
            }
            return;
        }
        ctx.log(4, logId, "Barrier(" + name + ") wait " + waiters + " of " + expected);
        long myCycle = cycle;
        ctx.scheduler().blockUntil(() -> cycle != myCycle || ctx.isFailed() || ctx.isStopped(),
                "barrier " + name);
    }

    /** End-of-test check: a socket barrier with parties still waiting fails the test. */
    void reset(VtcContext ctx) {
        if (kind != Kind.SOCK || !sockOpen) {
            return;
        }
        if (waiters % expected > 0 && !ctx.isFailed()) {
            ctx.markFailed(name, "Barrier(" + name + ") has " + waiters
                    + " outstanding waiters");
        }
        closeSocket(ctx);
    }

    private void closeSocket(VtcContext ctx) {
        ctx.undefineMacro(name, name + "_addr");
        ctx.undefineMacro(name, name + "_port");
        ctx.undefineMacro(name, name + "_sock");
        sockOpen = false;
        release();
    }

    void release() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            System.getLogger(VtcBarrier.class.getName()).log(System.Logger.Level.DEBUG,
                    "closing barrier socket: " + e);
        }
    }
}
