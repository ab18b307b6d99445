package vclab.vtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The barriers of a test, by name, and the {@code barrier} command. A model that implements
 * {@code vtc.barrier_sync} finds a barrier here and calls {@link VtcBarrier#sync}.
 */
public final class BarrierRegistry {
    private final Map<String, VtcBarrier> barriers = new LinkedHashMap<>();

    /** Returns the barrier, or null if the script has not named it. */
    public VtcBarrier find(String name) {
        return barriers.get(name);
    }

    List<VtcBarrier> all() {
        return new ArrayList<>(barriers.values());
    }

    /** {@code barrier bNAME [cond N | sock N | sync | -cyclic]...} */
    static void command(CommandHandler.Invocation call) {
        VtcContext ctx = call.ctx();
        String name = call.arg(1);
        if (name == null) {
            throw call.missingArgument("cmd_barrier", "vtc_barrier.c", 472, "(av[0]) != 0");
        }
        if (!name.startsWith("b")) {
            throw ctx.fail(call.id(), "Barrier name must start with 'b' (got " + name + ")");
        }
        BarrierRegistry registry = ctx.barriers();
        VtcBarrier b = registry.barriers.get(name);
        if (b == null) {
            if (!ctx.isTopThread()) {
                throw ctx.fail(call.id(), "Barrier " + name
                        + " can only be created on the top thread");
            }
            b = new VtcBarrier(name);
            registry.barriers.put(name, b);
        }
        List<String> args = call.args();
        for (int i = 2; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "cond", "sock" -> {
                    i++;
                    if (i >= args.size()) {
                        throw call.missingArgument("cmd_barrier", "vtc_barrier.c",
                                a.equals("cond") ? 485 : 491, "(*av) != 0");
                    }
                    b.declare(ctx, call.id(), a.equals("cond") ? VtcBarrier.Kind.COND
                            : VtcBarrier.Kind.SOCK, args.get(i));
                }
                case "sync" -> b.sync(ctx, call.id());
                case "-cyclic" -> b.makeCyclic(ctx, call.id());
                default -> throw ctx.fail(call.id(), "Unknown barrier argument: " + a);
            }
        }
    }

    /**
     * End of test: checks socket barriers, then releases their sockets. A barrier that was
     * named but never declared trips varnishtest 7.1's assertion here, which ends the reset.
     */
    void reset(VtcContext ctx) {
        for (VtcBarrier b : barriers.values()) {
            if (b.kind() == VtcBarrier.Kind.NONE) {
                throw ctx.fail("top", "Assert error in cmd_barrier(), vtc_barrier.c line 463:"
                        + "  Condition(Wrong barrier type) not true.  Errno=0 Success");
            }
            b.reset(ctx);
        }
    }

    void releaseAll() {
        barriers.values().forEach(VtcBarrier::release);
    }
}
