package vclab.vtc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import vclab.explore.ExploreOptions;
import vclab.explore.Scenario;
import vclab.explore.ScenarioFactory;
import vclab.explore.ScenarioOutcome;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.vcl.Trace;
import vclab.vcl.Varnishd;

/**
 * Turns a VTC script into an explorer scenario: the script is read and parsed once, and each
 * run replays it quietly in a fresh simulated world under the explorer's scheduler options.
 * The instances are sealed: they open no CLI listener and write no secret file, so a run
 * has no step the scheduler does not decide. A run's outcome is its scheduler result, the
 * invariant violations and first panic of every varnishd, and the script's failed checks.
 */
public final class VtcScenarioFactory implements ScenarioFactory {
    /**
     * The wall-clock time that virtual time 0 stands for in explored runs, in milliseconds
     * since the epoch. It is fixed because the names of VCL libraries, and with them the
     * steps a schedule records, contain the time.
     */
    public static final long EPOCH_MILLIS = 1_800_000_000_000L;

    private final VarnishExecutor.Factory varnish;

    /**
     * Sets what the explorer's runs share and a replay of their schedules needs: the epoch,
     * the livelock limits and the end of the run at the first livelock.
     *
     * <p>NOTE: a schedule file does not record the explorer's {@code --spin-limit}; one found
     * with another limit than the default replays with the default.
     */
    static void exploreSettings(Scheduler.Options options) {
        options.epochMillis = EPOCH_MILLIS;
        options.spinLimit = ExploreOptions.DEFAULT_SPIN_LIMIT;
        options.endOnLivelock = true;
        options.instantStepLimit =
                ExploreOptions.instantStepLimit(ExploreOptions.DEFAULT_SPIN_LIMIT);
    }

    /** A factory for scripts whose varnish instances are {@code varnish}'s. */
    public VtcScenarioFactory(VarnishExecutor.Factory varnish) {
        this.varnish = varnish;
    }

    @Override
    public Scenario create(Path file, String model) throws IOException {
        Path pwd = Path.of("").toAbsolutePath();
        String name = file.toString();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        TestFiles.Loaded loaded;
        try (PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
            loaded = TestFiles.load(name, pwd, err, new int[1]);
        }
        String message = errors.toString(StandardCharsets.UTF_8).strip();
        if (loaded == null) {
            if (!Files.isReadable(pwd.resolve(name))) {
                throw new IOException(message);
            }
            throw new IllegalArgumentException(message);
        }
        VtcSyntaxError syntax = loaded.script().error();
        if (syntax != null) {
            throw new IllegalArgumentException(syntax.pos() + ": " + syntax.message());
        }
        String tmpRoot = System.getenv().getOrDefault("TMPDIR", "/tmp");
        VtcRunOptions options = new VtcRunOptions(List.of(), Map.of(), 60, 1024 * 1024, 0,
                false, null, model, false, false, null, null, pwd, Path.of(tmpRoot), true);
        return new VtcScenario(loaded, options, varnish);
    }

    /** One script, run again and again. */
    private static final class VtcScenario implements Scenario {
        private static final AtomicInteger TMPDIRS = new AtomicInteger();

        private final TestFiles.Loaded test;
        private final VtcRunOptions options;
        private final VarnishExecutor.Factory varnish;
        private final Map<String, String> extMacros = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        /**
         * Temporary directories that no run uses at the moment. A run takes one and gives it
         * back, so there are only as many as runs at once, however many threads the explorer
         * starts. They are removed when the JVM exits.
         */
        private final ConcurrentLinkedQueue<Path> idleTmpdirs = new ConcurrentLinkedQueue<>();
        /** Kept open so that ${bad_backend} names a port nothing else takes meanwhile. */
        private final Socket badBackend = new Socket();

        VtcScenario(TestFiles.Loaded test, VtcRunOptions options, VarnishExecutor.Factory varnish)
                throws IOException {
            this.test = test;
            this.options = options;
            this.varnish = varnish;
            badBackend.bind(new InetSocketAddress("127.0.0.1", 0));
            extMacros.put("pwd", options.pwd().toString());
            extMacros.put("date", null);
            extMacros.put("string", null);
            extMacros.put("localhost", "127.0.0.1");
            extMacros.put("bad_backend", "127.0.0.1:" + badBackend.getLocalPort());
            extMacros.put("listen_addr", "127.0.0.1:0");
            extMacros.put("bad_ip", "192.0.2.255");
        }

        private Path newTmpdir() {
            try {
                Path dir = Files.createTempDirectory(options.tmpRoot(), "vclab-explore."
                        + ProcessHandle.current().pid() + "." + TMPDIRS.incrementAndGet() + ".");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> removeTree(dir),
                        "vclab-explore-cleanup"));
                return dir;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot create a directory for the"
                        + " script's ${tmpdir} in " + options.tmpRoot(), e);
            }
        }

        /** Removes a directory and what the runs left in it; errors are only logged. */
        private static void removeTree(Path dir) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.getLogger(VtcScenarioFactory.class.getName()).log(
                        System.Logger.Level.WARNING, "cannot remove " + dir + ": " + e);
            }
        }

        @Override
        public String name() {
            return Path.of(test.name()).getFileName().toString();
        }

        @Override
        public ScenarioOutcome run(Scheduler.Options explorer, Consumer<Trace.Event> trace) {
            SimResult[] result = new SimResult[1];
            List<String> invariants = new ArrayList<>();
            String[] panic = new String[1];
            List<String> failures = new ArrayList<>();
            String[] skip = new String[1];
            TestRun.Hooks hooks = new TestRun.Hooks(
                    runner -> {
                        if (explorer.virtualLimitNanos < 0) {
                            explorer.virtualLimitNanos = runner.virtualLimitNanos;
                        }
                        explorer.epochMillis = EPOCH_MILLIS;
                        return explorer;
                    },
                    (name, vd) -> {
                        if (trace != null) {
                            vd.trace.addListener(trace);
                        }
                    },
                    (ctx, r) -> {
                        result[0] = r;
                        for (Varnishd vd : ctx.varnishds().values()) {
                            invariants.addAll(vd.invariantViolations());
                            if (panic[0] == null) {
                                panic[0] = vd.firstPanic();
                            }
                        }
                        failures.addAll(ctx.failures());
                        if (ctx.isSkipped()) {
                            // A feature command logs its reason but does not record it.
                            skip[0] = ctx.skipReason() != null ? ctx.skipReason()
                                    : "skipped: a feature command found a lacking or"
                                            + " conflicting feature";
                        }
                    });
            Path tmpdir = idleTmpdirs.poll();
            if (tmpdir == null) {
                tmpdir = newTmpdir();
            }
            try {
                new TestRun(test.name(), test.script(), options, extMacros, tmpdir, varnish,
                        environment, hooks).run();
            } finally {
                idleTmpdirs.add(tmpdir);
            }
            return new ScenarioOutcome(result[0], invariants, panic[0], failures, skip[0]);
        }
    }
}
