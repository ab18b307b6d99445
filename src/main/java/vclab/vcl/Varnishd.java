package vclab.vcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import vclab.cli.Dialect;
import vclab.sched.Scheduler;
import vclab.sched.SimThread;
import vclab.vrt.Backend;
import vclab.vrt.Director;
import vclab.vrt.PokeOutcome;

/**
 * One simulated varnishd: a manager and, while started, a child, sharing a scheduler with the
 * rest of the simulation. Nothing here knows about VTC, sockets or terminals; front ends hand
 * CLI work to {@link #call} or {@link #submit}.
 */
public final class Varnishd {
    /** How to build an instance. */
    public static final class Config {
        public String name = "varnishd";
        public VclModel model;
        public Dialect dialect;
        public Params params;
        public VclCompiler compiler;
        public PokeOutcome.Oracle pokeOracle = (host, port, path) -> PokeOutcome.REFUSED_NOW;
        public List<String> argv = List.of("varnishd");
        public int masterPid = 1000;
        /** The {@code -j}/{@code -s}/{@code -h} part of the banner's platform line. */
        public String platformChoices = "-junix,-sdefault,-sdefault,-hcritbit";
        /** The first listen address, as debug.listen_address reports it: "127.0.0.1 8080". */
        public String listenAddress = "127.0.0.1 0";
        public CliSupport cliSupport;
    }

    final Scheduler scheduler;
    final VclModel model;
    private final Dialect dialect;
    private final Params params;
    private final VclCompiler compiler;
    final PokeOutcome.Oracle pokeOracle;
    private final List<String> argv;
    private final int masterPid;
    private String firstPanic;
    private final java.util.Map<String, Object> vmodSwitches = new java.util.HashMap<>();
    private final String name;
    public final VslLog vsl;
    public final Counters counters;
    public final Trace trace = new Trace();
    final Manager mgt;
    private final List<String> invariantViolations = new ArrayList<>();
    private final List<Consumer<String>> invariantListeners = new ArrayList<>();
    private final List<Consumer<String>> stderrListeners = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private SimThread mgtThread;
    private final Map<String, VclCode> libraries = new LinkedHashMap<>();
    private final String listenAddress;
    private final String platformChoices;
    private CliSupport cliSupport;
    private final vclab.vrt.Resolver resolver = new vclab.vrt.Resolver();

    public Varnishd(Scheduler scheduler, Config config) {
        this.scheduler = scheduler;
        this.model = config.model;
        this.dialect = config.dialect != null ? config.dialect : config.model.dialect();
        this.params = config.params;
        this.compiler = config.compiler;
        this.pokeOracle = config.pokeOracle;
        this.argv = List.copyOf(config.argv);
        this.masterPid = config.masterPid;
        this.name = config.name;
        this.vsl = new VslLog(scheduler, 10_000);
        this.counters = new Counters(model.release().version());
        this.listenAddress = config.listenAddress;
        this.platformChoices = config.platformChoices;
        this.cliSupport = config.cliSupport;
        this.mgt = new Manager(this);
    }

    /** Starts the manager thread; call from the simulation before any CLI command. */
    public void start() {
        mgtThread = scheduler.spawn("mgt " + name, this, mgt::run);
    }

    public String name() {
        return name;
    }

    public VclModel model() {
        return model;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Params params() {
        return params;
    }

    VclCompiler compiler() {
        return compiler;
    }

    public int masterPid() {
        return masterPid;
    }

    public Manager manager() {
        return mgt;
    }

    /** The simulated DNS that dynamic backends consult. */
    public vclab.vrt.Resolver resolver() {
        return resolver;
    }

    public CliSupport cliSupport() {
        return cliSupport;
    }

    public void setCliSupport(CliSupport support) {
        this.cliSupport = support;
    }

    /** The first listen socket as "address port". */
    public String listenAddress() {
        return listenAddress;
    }

    /** Stores a compiled program where the child's vcl.load finds it. */
    void addLibrary(String path, VclCode code) {
        libraries.put(path, code);
    }

    VclCode library(String path) {
        return libraries.get(path);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** True when debug flag vtc_mode is set, as varnishtest sets it. */
    public boolean vtcMode() {
        return params.bit("debug", "vtc_mode");
    }

    // ---------------------------------------------------------------- CLI hand-off

    /**
     * Runs {@code action} on the manager thread and waits for its reply; called from a
     * simulated thread (the VTC top thread, a REPL thread).
     */
    public Reply call(Function<Manager, Reply> action) {
        Manager.Command[] box = new Manager.Command[1];
        box[0] = new Manager.Command(() -> box[0].reply = action.apply(mgt), null);
        mgt.queue.put(box[0]);
        Manager.Command c = box[0];
        scheduler.blockUntil(() -> c.done, "the manager's reply");
        return c.reply;
    }

    /**
     * Queues {@code action} for the manager thread from a real thread (a TCP connection);
     * the future completes with its reply.
     */
    public CompletableFuture<Reply> submit(Function<Manager, Reply> action) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        Manager.Command[] box = new Manager.Command[1];
        box[0] = new Manager.Command(() -> box[0].reply = action.apply(mgt), future);
        scheduler.submitExternal(() -> {
            scheduler.requestStarted();
            // The manager completes the future on its simulated thread, with the baton.
            future.whenComplete((r, e) -> scheduler.requestDone());
            scheduler.putInternal(mgt.queue, box[0]);
        });
        return future;
    }

    // ---------------------------------------------------------------- stderr and invariants

    void stderr(String text) {
        for (String line : text.split("\n", -1)) {
            stderr.add(line);
            for (Consumer<String> l : stderrListeners) {
                l.accept(line);
            }
        }
    }

    /** Receives each line varnishd writes to its standard error from now on. */
    public void addStderrListener(Consumer<String> listener) {
        stderrListeners.add(listener);
    }

    /** At most this many violations are kept; a livelock can repeat one millions of times. */
    private static final int MAX_VIOLATIONS = 1000;
    private long droppedViolations;

    void invariantViolated(String what) {
        if (invariantViolations.size() >= MAX_VIOLATIONS) {
            droppedViolations++;
            return;
        }
        String line = String.format(Locale.ROOT, "%.6f %s: %s", scheduler.now() / 1e9,
                scheduler.currentThread() == null ? "-" : scheduler.currentThread().name(), what);
        invariantViolations.add(line);
        for (Consumer<String> l : invariantListeners) {
            l.accept(line);
        }
        mgt.vd.trace.add(new Trace.Event(scheduler.now() / 1e9,
                scheduler.currentThread() == null ? "-" : scheduler.currentThread().name(),
                "invariant", null, null, "violated", what));
    }

    public List<String> invariantViolations() {
        if (droppedViolations == 0) {
            return List.copyOf(invariantViolations);
        }
        List<String> all = new ArrayList<>(invariantViolations);
        all.add("(" + droppedViolations + " more violations not kept)");
        return all;
    }

    public void addInvariantListener(Consumer<String> listener) {
        invariantListeners.add(listener);
    }

    // ---------------------------------------------------------------- child death

    /**
     * The child died: with a panic text (a failed assertion, the "big quit") or, for
     * {@code panicText} null, killed without one. Called with the baton held.
     */
    void childDied(Child c, String panicText, int signal, Throwable internal) {
        if (c.dead) {
            return;
        }
        String dump = panicText == null ? null : panicDump(c, panicText);
        if (firstPanic == null && panicText != null) {
            firstPanic = panicText;
        }
        if (internal != null) {
            stderr("Error: vclab internal error: " + internal);
        }
        trace.add(new Trace.Event(scheduler.now() / 1e9,
                scheduler.currentThread() == null ? "-" : scheduler.currentThread().name(),
                "panic", null, null, panicText == null ? "killed" : "panic",
                panicText == null ? "signal " + signal : panicText.replace('\n', ' ')));
        c.kill();
        mgt.childDied(c, dump, signal);
    }

    /** Switches of simulated VMODs that outlive a child, such as the debug VMOD's. */
    public java.util.Map<String, Object> vmodSwitches() {
        return vmodSwitches;
    }

    /**
     * Returns the text of the first child panic of this varnishd's life (without the dump that
     * follows it), or null. It is kept when panic.clear clears the manager's copy.
     */
    public String firstPanic() {
        return firstPanic;
    }

    /** The text varnishd's panic handler writes, with vclab's simulated thread as backtrace. */
    private String panicDump(Child c, String text) {
        StringBuilder sb = new StringBuilder(text).append('\n');
        var r = model.release();
        sb.append("version = varnish-").append(r.version()).append(" revision ")
                .append(r.revision()).append(", vrt api = ").append(r.vrtApi()).append('\n');
        sb.append("ident = ").append(platform()).append(",epoll\n");
        sb.append(String.format(Locale.ROOT, "now = %.6f (mono), %.6f (real)\n",
                scheduler.now() / 1e9, scheduler.epochSeconds()));
        SimThread t = scheduler.currentThread();
        sb.append("Backtrace:\n");
        sb.append("  (vclab: simulated thread ").append(t == null ? "-" : t.name())
                .append(")\n");
        sb.append("argv = {\n");
        for (int i = 0; i < argv.size(); i++) {
            sb.append("  [").append(i).append("] = \"").append(argv.get(i)).append("\",\n");
        }
        sb.append("}\n");
        sb.append("pthread.name = (").append(t != null && t.name().equals("cli") ? "cache-main"
                : t == null ? "-" : t.name()).append(")\n");
        sb.append("thr.req = NULL\nthr.busyobj = NULL\nthr.worker = NULL\n");
        sb.append("vmods = {\n");
        Map<String, Boolean> vmods = new LinkedHashMap<>();
        for (Vcl v : c.vcls) {
            if (v.program != null) {
                for (String m : v.program.vmodNames()) {
                    vmods.put(m, true);
                }
            }
        }
        for (String m : vmods.keySet()) {
            sb.append("  ").append(m).append(" = {Varnish ").append(r.version()).append(' ')
                    .append(r.revision()).append(", 0.0},\n");
        }
        sb.append("},\n\n");
        return sb.toString();
    }

    /** The banner's platform line: OS, release, machine and the start-up choices. */
    public String platform() {
        String arch = System.getProperty("os.arch", "unknown");
        String machine = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> arch;
        };
        return System.getProperty("os.name", "Linux") + "," + System.getProperty("os.version", "")
                + "," + machine + "," + platformChoices;
    }

    // ---------------------------------------------------------------- statistics

    /**
     * Every counter in varnishstat's order: MGT and MAIN, then VBE counters of backends
     * whose VCL is warm.
     */
    public Map<String, Long> counterSnapshot() {
        Map<String, Long> all = new LinkedHashMap<>();
        counters.set("MGT.uptime", scheduler.now() / 1_000_000_000L);
        counters.forEachFixed(all::put);
        Child c = mgt.child;
        if (c != null && !c.dead) {
            for (Vcl v : c.vcls) {
                if (v.vdire == null) {
                    continue;
                }
                for (Director d : v.vdire.directors) {
                    if (d.priv() instanceof Backend b && b.countersVisible()) {
                        for (String f : counters.vbeFields()) {
                            all.put("VBE." + b.cliName() + "." + f,
                                    f.equals("happy") ? b.happyCounter() : 0L);
                        }
                    }
                }
            }
        }
        return all;
    }
}
