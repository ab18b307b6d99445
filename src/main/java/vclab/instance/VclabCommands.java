package vclab.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vclab.cli.CliCall;
import vclab.cli.CliCommand;
import vclab.cli.CliDispatcher;
import vclab.cli.CliStatus;
import vclab.sched.Durations;
import vclab.sched.Injections;
import vclab.sched.Point;
import vclab.vcl.Points;

/**
 * vclab's own {@code debug.*} commands: injection points and rules, the simulated resolver,
 * the event trace, thread states and invariant violations. They run on the manager, so they
 * work with or without a child; {@code help} lists them only as {@code help debug.vclab}.
 */
final class VclabCommands {
    private final Instance inst;

    VclabCommands(Instance inst) {
        this.inst = inst;
    }

    /**
     * vclab's commands that act on the simulation alone (the scheduler, injections, resolver,
     * trace), not on varnishd's state: they run between two scheduling steps at once, even
     * while the manager is held, for example by a {@code pause} that only
     * {@code debug.release} ends. {@code debug.req} is not one: it runs a request in the child.
     */
    public static final java.util.Set<String> SIMULATION_COMMANDS = java.util.Set.of(
            "debug.vclab", "debug.points", "debug.inject", "debug.inject.clear", "debug.release",
            "debug.barrier",
            "debug.dns", "debug.trace", "debug.threads", "debug.invariants", "debug.clock",
            "debug.switches");

    /** The VCL events that an injection's {@code event=} filter can name. */
    private static final Set<String> VCL_EVENTS = Set.of("LOAD", "WARM", "COLD", "DISCARD");

    /**
     * The maximum duration a command accepts: 100 years, so that the current virtual time
     * plus the duration stays far below Long.MAX_VALUE nanoseconds.
     */
    static final long MAX_DURATION_NANOS = 100L * 365 * 86_400 * 1_000_000_000L;

    /** debug.req, which the manager forwards to the child. */
    static final CliCommand REQ = new CliCommand("debug.req",
            "debug.req [<url>] [hold=<duration>] [async]",
            "Run a simulated client request (a cache miss, no HTTP) through the active VCL on a"
                + " worker thread and list the VCL methods it ran.", 0, 3, "d", false, false,
            true);

    /** name, syntax, help, min, max */
    private static final String[][] COMMANDS = {
        {"debug.vclab", "debug.vclab", "List vclab's own debug commands.", "0", "0"},
        {"debug.points", "debug.points",
            "List the named injection points, one per line with a description.", "0", "0"},
        {"debug.inject", "debug.inject [<point> delay|wait|barrier|pause <arg> [<filter>...]]",
            "Add an injection at a named point, or list them. Filters: thread=GLOB vcl=NAME"
                + " event=NAME skip=N times=N.", "0", "-1"},
        {"debug.inject.clear", "debug.inject.clear [<id>]",
            "Remove one injection, or all of them.", "0", "1"},
        {"debug.barrier", "debug.barrier <name> <parties>",
            "Declare a barrier for 'barrier <name>' injections: the threads that reach it wait"
                + " until <parties> of them have arrived, then all go on.", "2", "2"},
        {"debug.release", "debug.release <name>",
            "Let threads held by 'pause <name>' injections continue, now and later: after a"
                + " release, a later pause of that name passes at once.", "1", "1"},
        {"debug.dns", "debug.dns [<name> [<address>...] [at=<duration>] [latency=<duration>]]",
            "Set what a name resolves to for dynamic backends, from now or a later virtual time;"
                + " without arguments list the table.", "0", "-1"},
        {"debug.trace", "debug.trace [on|text|json]",
            "Start recording the event trace, or print it as text or JSON.", "0", "1"},
        {"debug.threads", "debug.threads",
            "Show every simulated thread: what it waits for, what it holds, where it is.",
            "0", "0"},
        {"debug.invariants", "debug.invariants",
            "List the invariant violations recorded so far.", "0", "0"},
        {"debug.clock", "debug.clock", "Show the virtual time and the scheduler's step count.",
            "0", "0"},
        {"debug.switches", "debug.switches [on|off]",
            "Turn on the race switches of the test-only debug VMOD: with max_esi_depth 39, 40,"
                + " 41 or 42 its event handlers create or delete backends.", "0", "1"},
    };

    /** The table entries of {@link #COMMANDS}, built once because every varnishd shares them. */
    private static final List<CliCommand> ENTRIES = entries();

    private static List<CliCommand> entries() {
        List<CliCommand> list = new java.util.ArrayList<>();
        for (String[] c : COMMANDS) {
            list.add(new CliCommand(c[0], c[1], c[2], Integer.parseInt(c[3]),
                    Integer.parseInt(c[4]), "d", false, false, true));
        }
        return List.copyOf(list);
    }

    void register(CliDispatcher d) {
        for (CliCommand entry : ENTRIES) {
            d.table().register(entry);
        }
        d.table().register(REQ);
        d.register("debug.req", CliDispatcher::askChild);
        d.register("debug.vclab", this::list);
        d.register("debug.points", this::points);
        d.register("debug.inject", this::inject);
        d.register("debug.inject.clear", this::injectClear);
        d.register("debug.release", c -> injections().release(c.args().get(0)));
        d.register("debug.barrier", this::barrier);
        d.register("debug.dns", this::dns);
        d.register("debug.trace", this::trace);
        d.register("debug.threads", c -> c.out().print(String.join("\n",
                inst.scheduler().describeThreads()) + "\n"));
        d.register("debug.invariants", c -> {
            List<String> v = inst.varnishd().invariantViolations();
            c.out().print(v.isEmpty() ? "No invariant was violated.\n"
                    : String.join("\n", v) + "\n");
        });
        d.register("debug.switches", this::switches);
        d.register("debug.clock", c -> c.out().print(String.format(java.util.Locale.ROOT,
                "virtual time %.6f s, %d steps, threads on %s carriers\n",
                inst.scheduler().now() / 1e9, inst.scheduler().steps(),
                vclab.sched.Scheduler.carrierKind())));
    }

    private Injections injections() {
        return inst.scheduler().injections();
    }

    private static void fail(CliCall c, String message) {
        c.out().setStatus(CliStatus.PARAM);
        c.out().print(message);
    }

    private void list(CliCall c) {
        StringBuilder sb = new StringBuilder();
        for (String[] cmd : COMMANDS) {
            sb.append(cmd[1]).append("\n    ").append(cmd[2]).append('\n');
        }
        sb.append(REQ.syntax()).append("\n    ").append(REQ.help()).append('\n');
        c.out().print(sb.toString());
    }

    private void switches(CliCall c) {
        var map = inst.varnishd().vmodSwitches();
        if (!c.args().isEmpty()) {
            switch (c.args().get(0)) {
                case "on" -> map.put("debug.switches", Boolean.TRUE);
                case "off" -> map.remove("debug.switches");
                default -> {
                    c.out().setStatus(vclab.cli.CliStatus.PARAM);
                    c.out().print("Expected on or off, got '" + c.args().get(0) + "'");
                    return;
                }
            }
        }
        c.out().print("debug VMOD switches are "
                + (Boolean.TRUE.equals(map.get("debug.switches")) ? "on" : "off"));
    }

    private void points(CliCall c) {
        StringBuilder sb = new StringBuilder();
        for (Point p : Points.all()) {
            sb.append(String.format("%-42s %s%n", p.name(), p.description()));
        }
        c.out().print(sb.toString());
    }

    private void inject(CliCall c) {
        if (c.args().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Injections.Rule r : injections().rules()) {
                sb.append(r.id()).append(": ").append(r.spec()).append('\n');
            }
            c.out().print(sb.length() == 0 ? "No injections.\n" : sb.toString());
            return;
        }
        if (!Points.names().contains(c.args().get(0))) {
            fail(c, "Unknown injection point '" + c.args().get(0)
                    + "'; debug.points lists them");
            return;
        }
        try {
            checkInjection(c.args());
            Injections.Rule r = injections().add(c.args());
            c.out().print("Injection " + r.id() + ": " + r.spec());
        } catch (IllegalArgumentException e) {
            fail(c, e.getMessage());
        }
    }

    /**
     * Rejects what {@link Injections#add} would accept but can never fire as written: an
     * unknown point to wait for, a barrier not yet declared with {@code debug.barrier} (firing
     * it would panic the child), an event that is not a VCL event, {@code times=0} and an
     * overlong delay.
     */
    private void checkInjection(List<String> words) {
        if (words.size() < 3) {
            return;
        }
        String target = words.get(2);
        switch (words.get(1).toLowerCase(Locale.ROOT)) {
            case "wait" -> {
                if (!Points.names().contains(target)) {
                    throw new IllegalArgumentException("Unknown injection point '" + target
                            + "'; debug.points lists them");
                }
            }
            case "barrier" -> {
                if (!injections().hasBarrier(target)) {
                    throw new IllegalArgumentException("Unknown barrier '" + target
                            + "': declare it first with debug.barrier " + target
                            + " <parties>");
                }
            }
            case "delay" -> parseDuration(target);
            default -> {
                // Injections.add rejects an unknown action.
            }
        }
        for (String w : words.subList(3, words.size())) {
            if (w.startsWith("event=") && !VCL_EVENTS.contains(
                    w.substring(6).toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Invalid event in '" + w
                        + "': use LOAD, WARM, COLD or DISCARD");
            }
            if (w.equals("times=0")) {
                throw new IllegalArgumentException("Invalid count in '" + w
                        + "': the injection would never fire; use times=1 or more");
            }
        }
    }

    /**
     * Parses a duration of a command argument as {@link Durations#parseNanos} does, but
     * rejects one longer than {@link #MAX_DURATION_NANOS} instead of letting it be cut to
     * the largest long.
     */
    static long parseDuration(String text) {
        long nanos = Durations.parseNanos(text);
        if (nanos > MAX_DURATION_NANOS) {
            throw new IllegalArgumentException("Invalid duration '" + text
                    + "': longer than the maximum of 100 years");
        }
        return nanos;
    }

    private void injectClear(CliCall c) {
        if (c.args().isEmpty()) {
            injections().clear();
            return;
        }
        try {
            if (!injections().remove(Integer.parseInt(c.args().get(0)))) {
                fail(c, "No injection " + c.args().get(0));
            }
        } catch (NumberFormatException e) {
            fail(c, "Invalid injection id '" + c.args().get(0) + "': expected a number");
        }
    }

    private void barrier(CliCall c) {
        String name = c.args().get(0);
        int parties;
        try {
            parties = Integer.parseInt(c.args().get(1));
        } catch (NumberFormatException e) {
            parties = 0;
        }
        if (parties < 1) {
            fail(c, "Invalid number of parties '" + c.args().get(1)
                    + "': expected a whole number of 1 or more");
            return;
        }
        injections().declareBarrier(inst.scheduler(), name, parties);
    }

    private void dns(CliCall c) {
        var resolver = inst.varnishd().resolver();
        if (c.args().isEmpty()) {
            List<String> lines = resolver.describe();
            c.out().print(lines.isEmpty() ? "No names.\n" : String.join("\n", lines) + "\n");
            return;
        }
        String name = c.args().get(0);
        if (name.isEmpty()) {
            fail(c, "Invalid name '': expected a host name");
            return;
        }
        List<String> addresses = new ArrayList<>();
        long at = inst.scheduler().now();
        Long latency = null;
        try {
            for (String w : c.args().subList(1, c.args().size())) {
                if (w.startsWith("at=")) {
                    at = inst.scheduler().now() + parseDuration(w.substring(3));
                } else if (w.startsWith("latency=")) {
                    latency = parseDuration(w.substring(8));
                } else if (AddressLiterals.isNumeric(w)) {
                    addresses.add(w);
                } else {
                    fail(c, "Invalid address '" + w + "': expected an IPv4 or IPv6 address");
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            fail(c, e.getMessage());
            return;
        }
        if (latency != null) {
            resolver.setLatency(name, latency);
        }
        resolver.set(name, addresses, at);
    }

    private void trace(CliCall c) {
        String mode = c.args().isEmpty() ? "text" : c.args().get(0);
        switch (mode) {
            case "on" -> inst.varnishd().trace.enable();
            case "text" -> c.out().print(inst.varnishd().trace.toText());
            case "json" -> c.out().print(inst.varnishd().trace.toJson());
            default -> fail(c, "Invalid trace mode '" + mode + "': use on, text or json");
        }
    }
}
