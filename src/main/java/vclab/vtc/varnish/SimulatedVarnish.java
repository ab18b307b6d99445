package vclab.vtc.varnish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.vtc.SourcePos;
import vclab.vtc.VarnishExecutor;
import vclab.vtc.VtcContext;

/**
 * The {@code varnish} command of VTC scripts, run against vclab's simulated varnishd: the
 * options of varnishtest 7.1, processed left to right, with varnishtest's log lines and
 * failure messages. {@code -model M} is vclab's own option and picks the Varnish model of
 * the instance.
 */
public final class SimulatedVarnish implements VarnishExecutor {
    /** Creates one executor per test run; registered with java.util.ServiceLoader. */
    public static final class Factory implements VarnishExecutor.Factory {
        @Override
        public VarnishExecutor create(VtcContext ctx) {
            return new SimulatedVarnish(ctx);
        }
    }

    private final Map<String, VarnishState> instances = new LinkedHashMap<>();
    private final VarnishOps ops;

    SimulatedVarnish(VtcContext ctx) {
        this.ops = new VarnishOps(ctx);
    }

    @Override
    public void execute(VtcContext ctx, List<String> args, SourcePos pos) {
        String name = args.get(0);
        if (!name.startsWith("v")) {
            throw ctx.fail("top", "Varnish name must start with 'v' (got " + name + ")");
        }
        VarnishState v = instances.get(name);
        if (v == null) {
            v = new VarnishState(name);
            instances.put(name, v);
            ops.create(v);
        }
        v.syntax = 4.1;
        for (int i = 1; i < args.size(); i++) {
            if (ctx.isFailed()) {
                break;
            }
            i = option(ctx, v, args, i);
        }
    }

    /** Runs the option at {@code args[i]}; returns the index of its last word. */
    private int option(VtcContext ctx, VarnishState v, List<String> args, int i) {
        String opt = args.get(i);
        switch (opt) {
            case "-arg" -> {
                String a = need(ctx, v, args, i, 1);
                ops.requireNotLaunched(v, opt);
                v.args.add(a);
                if (a.startsWith("-a")) {
                    v.hasAArg = true;
                }
                return i + 1;
            }
            case "-jail" -> {
                ops.requireNotLaunched(v, opt);
                v.jail = need(ctx, v, args, i, 1);
                return i + 1;
            }
            case "-proto" -> {
                ops.requireNotLaunched(v, opt);
                v.proto = need(ctx, v, args, i, 1);
                return i + 1;
            }
            case "-model" -> {
                ops.requireNotLaunched(v, opt);
                v.model = need(ctx, v, args, i, 1);
                return i + 1;
            }
            case "-expectexit" -> {
                v.expectExit = (int) parseUnsigned(need(ctx, v, args, i, 1));
                return i + 1;
            }
            case "-syntax" -> {
                v.syntax = parseDouble(need(ctx, v, args, i, 1));
                return i + 1;
            }
            case "-cleanup" -> {
                ops.cleanup(v);
                return i;
            }
            case "-cli" -> {
                ops.cli(v, need(ctx, v, args, i, 1), 0, null);
                return i + 1;
            }
            case "-cliok" -> {
                ops.cli(v, need(ctx, v, args, i, 1), 200, null);
                return i + 1;
            }
            case "-clierr" -> {
                String status = need(ctx, v, args, i, 1);
                ops.cli(v, need(ctx, v, args, i, 2), (int) parseUnsigned(status), null);
                return i + 2;
            }
            case "-cliexpect" -> {
                String re = need(ctx, v, args, i, 1);
                ops.cli(v, need(ctx, v, args, i, 2), 0, re);
                return i + 2;
            }
            case "-clijson" -> {
                ops.cliJson(v, need(ctx, v, args, i, 1));
                return i + 1;
            }
            case "-errvcl" -> {
                String text = need(ctx, v, args, i, 1);
                ops.errvcl(v, text, need(ctx, v, args, i, 2));
                return i + 2;
            }
            case "-vcl" -> {
                ops.vcl(v, need(ctx, v, args, i, 1), false);
                return i + 1;
            }
            case "-vcl+backend" -> {
                ops.vclBackend(v, need(ctx, v, args, i, 1));
                return i + 1;
            }
            case "-expect" -> {
                List<String> rest = args.subList(i + 1, args.size());
                if (rest.isEmpty()) {
                    throw ctx.fail(v.name, "-expect needs a counter");
                }
                if (rest.get(0).startsWith("!")) {
                    ops.expect(v, rest.get(0), null, null);
                    return i + 1;
                }
                if (rest.size() < 3) {
                    throw ctx.fail(v.name, "-expect needs a counter, an operator and a value");
                }
                ops.expect(v, rest.get(0), rest.get(1), rest.get(2));
                return i + 3;
            }
            case "-vsc" -> {
                ops.vsc(v, need(ctx, v, args, i, 1));
                return i + 1;
            }
            case "-start" -> ops.start(v);
            case "-stop" -> ops.stop(v);
            case "-wait-stopped" -> ops.waitStopped(v);
            case "-wait-running" -> ops.waitRunning(v);
            case "-wait" -> ops.waitAndEnd(v);
            case "-vsl_catchup" -> ops.launchIfNeeded(v);
            default -> throw ctx.fail(v.name, "Unknown varnish argument: " + opt);
        }
        return i;
    }

    private static String need(VtcContext ctx, VarnishState v, List<String> args, int i,
            int offset) {
        if (i + offset >= args.size()) {
            throw ctx.fail(v.name, "varnish " + args.get(i) + " needs "
                    + (offset == 1 ? "an argument" : offset + " arguments"));
        }
        return args.get(i + offset);
    }

    /** strtoul with base 0: decimal, 0x hex or leading-0 octal; junk ends the number. */
    static long parseUnsigned(String s) {
        String t = s.trim();
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        int end = 0;
        while (end < t.length() && Character.digit(t.charAt(end), radix) >= 0) {
            end++;
        }
        return end == 0 ? 0 : Long.parseUnsignedLong(t.substring(0, end), radix);
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void reset(VtcContext ctx) {
        for (VarnishState v : instances.values()) {
            if (v.launched && !v.cleanedUp) {
                ops.waitAndEnd(v);
            }
        }
    }

    @Override
    public void abandon(VtcContext ctx) {
        for (VarnishState v : instances.values()) {
            if (v.instance != null) {
                v.instance.closeEndpoints();
            }
        }
    }
}
