package vclab.vtc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vclab.explore.ReplayPolicy;
import vclab.explore.Schedule;

/**
 * Runs the tests, up to {@code -j} at a time, each in its own scheduler, and prints each
 * result whole, in the order the tests were started, so the output does not depend on which
 * test finishes first.
 */
final class Jobs {
    private final PrintStream out;
    private final PrintStream err;
    private final VtcArgs args;
    private final VtcRunOptions options;
    private final Map<String, String> extMacros;
    private final Map<String, String> environment;
    private final VarnishExecutor.Factory factory;
    /** The {@code --schedule} to replay, or null. */
    private final Schedule schedule;
    private final SecureRandom random = new SecureRandom();
    private final TraceFile trace;
    private int passed;
    private int failed;
    private int skipped;

    Jobs(PrintStream out, PrintStream err, VtcArgs args, VtcRunOptions options,
            Map<String, String> extMacros, Map<String, String> environment,
            VarnishExecutor.Factory factory, Schedule schedule) {
        this.schedule = schedule;
        this.out = out;
        this.err = err;
        this.args = args;
        this.options = options;
        this.extMacros = extMacros;
        this.environment = environment;
        this.factory = factory;
        this.trace = options.trace() == null ? null : new TraceFile(options.trace());
    }

    /**
     * Runs every test, writes the trace and returns the program's exit code. The code is 2
     * when the tests passed or were skipped but the trace could not be written.
     */
    int runAll(List<TestFiles.Loaded> tests, int badFilesSkipped) {
        int code = runTests(tests, badFilesSkipped);
        if (!writeTrace() && (code == 0 || code == 77)) {
            return 2;
        }
        return code;
    }

    private int runTests(List<TestFiles.Loaded> tests, int badFilesSkipped) {
        skipped = badFilesSkipped;
        ExecutorService pool = Executors.newFixedThreadPool(args.jobs, r -> {
            Thread t = new Thread(r, "vclab-test");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TestOutcome>> futures = new ArrayList<>();
            List<TestFiles.Loaded> order = startOrder(tests);
            for (int i = 0; i < order.size(); i++) {
                TestFiles.Loaded test = order.get(i);
                int index = i;
                futures.add(pool.submit(() -> runOne(test, index)));
            }
            for (Future<TestOutcome> f : futures) {
                TestOutcome outcome = outcome(f);
                if (!report(outcome) && !args.keepGoing) {
                    return 2;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (args.keepGoing) {
            err.println(failed + " tests failed, " + skipped + " tests skipped, " + passed
                    + " tests passed");
        }
        if (failed > 0) {
            return 1;
        }
        return skipped > 0 && passed == 0 ? 77 : 0;
    }

    /** Returns the runs in varnishtest's order: each file once, then again for {@code -n}. */
    private List<TestFiles.Loaded> startOrder(List<TestFiles.Loaded> tests) {
        Deque<int[]> queue = new ArrayDeque<>();
        for (int i = 0; i < tests.size(); i++) {
            queue.add(new int[] {i, args.iterations});
        }
        List<TestFiles.Loaded> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            int[] entry = queue.poll();
            if (entry[1] <= 0) {
                continue;
            }
            order.add(tests.get(entry[0]));
            if (--entry[1] > 0) {
                queue.add(entry);
            }
        }
        return order;
    }

    private TestOutcome outcome(Future<TestOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("test run failed: " + e.getCause(), e.getCause());
        }
    }

    private TestOutcome runOne(TestFiles.Loaded test, int index) throws IOException {
        Path tmpdir = createTmpdir();
        TestRun.Hooks hooks = trace == null ? TestRun.Hooks.NONE
                : trace.hooks(test.name(), trace.run(index));
        if (schedule != null) {
            return replay(test, tmpdir, hooks);
        }
        return new TestRun(test.name(), test.script(), options, extMacros, tmpdir, factory,
                environment, hooks).run();
    }

    /** Writes the {@code --trace} file, if any; prints the error and returns false if it fails. */
    private boolean writeTrace() {
        if (trace == null) {
            return true;
        }
        try {
            trace.write();
            return true;
        } catch (IOException e) {
            err.println("vclab: cannot write the trace to " + options.trace() + ": " + e);
            return false;
        }
    }

    /**
     * Runs the test under the {@code --schedule}, with the scheduler settings of the
     * explorer that wrote it. A run that leaves the schedule fails with the reason, whatever
     * the script did.
     */
    private TestOutcome replay(TestFiles.Loaded test, Path tmpdir, TestRun.Hooks trace) {
        ReplayPolicy replay = new ReplayPolicy(schedule);
        TestRun.Hooks hooks = new TestRun.Hooks(so -> {
            replay.install(so);
            VtcScenarioFactory.exploreSettings(so);
            return so;
        }, trace.varnishd(), trace.finished());
        TestOutcome o = new TestRun(test.name(), test.script(), options, extMacros, tmpdir,
                factory, environment, hooks).run();
        String divergence = replay.divergence();
        if (divergence == null) {
            return o;
        }
        String line = "---- top   " + divergence.replace("\n", " ") + "\n";
        List<String> errors = new ArrayList<>(o.scriptErrors());
        errors.add(test.name() + ": " + divergence);
        return new TestOutcome(o.file(), Math.max(2, o.exitCode()), o.timedOut(),
                o.virtualNanos(), o.log() + line, o.skipReason(), errors, o.tmpdir());
    }

    private Path createTmpdir() throws IOException {
        while (true) {
            Path dir = options.tmpRoot().resolve(String.format("vtc.%d.%08x",
                    ProcessHandle.current().pid(), random.nextInt()));
            try {
                Files.createDirectory(dir);
                return dir;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another random name
            }
        }
    }

    /** Prints one result like varnishtest; returns false for a failed test. */
    private boolean report(TestOutcome o) {
        boolean bad = o.failed();
        if (bad && args.verbosity > 0 || args.verbosity > 1) {
            out.print(o.log());
        }
        if (o.passed()) {
            passed++;
        } else if (o.skipped()) {
            skipped++;
        } else {
            failed++;
        }
        keepOrRemove(o);
        String seconds = String.format(Locale.ROOT, "%.3f", o.virtualNanos() / 1e9);
        if (o.timedOut()) {
            out.println("#    top  TEST " + o.file() + " TIMED OUT (kill -9)");
        }
        if (bad) {
            out.println("#    top  TEST " + o.file() + " FAILED (" + seconds + ")"
                    + (o.timedOut() ? " signal=9" : " exit=" + o.exitCode()));
        } else if (args.verbosity > 0) {
            out.println("#    top  TEST " + o.file() + (o.skipped() ? " skipped" : " passed")
                    + " (" + seconds + ")");
        }
        out.flush();
        if (o.skipReason() != null && args.verbosity > 0) {
            err.println(o.file() + ": " + o.skipReason());
        }
        for (String e : o.scriptErrors()) {
            err.println(e);
        }
        return !bad;
    }

    private void keepOrRemove(TestOutcome o) {
        int ecode = o.timedOut() ? 9 : o.exitCode();
        if (args.leaveTemp == 0 || args.leaveTemp == 1 && ecode <= 1) {
            removeTree(o.tmpdir());
            return;
        }
        try {
            Files.writeString(o.tmpdir().resolve("LOG"), o.log() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("vclab: cannot write " + o.tmpdir().resolve("LOG") + ": " + e);
        }
    }

    private void removeTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            err.println("vclab: cannot remove " + dir + ": " + e);
        }
    }
}
