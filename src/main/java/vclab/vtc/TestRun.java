package vclab.vtc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;

/**
 * Runs one test file once, in its own scheduler: the steps of varnishtest's test child
 * (start lines, macros, INFO file, the script, reset, end line) and the outcome.
 */
final class TestRun {
    private final String file;
    private final ParsedScript script;
    private final VtcRunOptions options;
    private final Map<String, String> extMacros;
    private final Path tmpdir;
    private final VarnishExecutor.Factory factory;
    private final Map<String, String> baseEnvironment;
    private final Hooks hooks;

    /**
     * What a caller other than the plain runner adds to a run: the explorer's scheduler
     * settings, trace listeners, and a look at the finished run.
     *
     * @param scheduler given the runner's scheduler options, returns the options to build the
     *     scheduler from (the same object or another), or null to keep the runner's
     * @param varnishd called for each simulated varnishd when it is launched, or null
     * @param finished called with the context and result when the run ends, or null
     */
    record Hooks(java.util.function.UnaryOperator<Scheduler.Options> scheduler,
            java.util.function.BiConsumer<String, vclab.vcl.Varnishd> varnishd,
            java.util.function.BiConsumer<VtcContext, SimResult> finished) {
        static final Hooks NONE = new Hooks(null, null, null);
    }

    /**
     * @param extMacros the runner's macros in definition order; a null value stands for a
     *     function macro
     */
    TestRun(String file, ParsedScript script, VtcRunOptions options,
            Map<String, String> extMacros, Path tmpdir, VarnishExecutor.Factory factory,
            Map<String, String> baseEnvironment) {
        this(file, script, options, extMacros, tmpdir, factory, baseEnvironment, Hooks.NONE);
    }

    TestRun(String file, ParsedScript script, VtcRunOptions options,
            Map<String, String> extMacros, Path tmpdir, VarnishExecutor.Factory factory,
            Map<String, String> baseEnvironment, Hooks hooks) {
        this.hooks = hooks;
        this.file = file;
        this.script = script;
        this.options = options;
        this.extMacros = extMacros;
        this.tmpdir = tmpdir;
        this.factory = factory;
        this.baseEnvironment = baseEnvironment;
    }

    TestOutcome run() {
        Scheduler.Options so = new Scheduler.Options();
        so.realtime = options.realtime();
        so.virtualLimitNanos = options.timeoutSeconds() * 1_000_000_000L;
        // varnishtest's -t counts wall-clock time, which a script can spend while virtual
        // time does not move (a loop of CLI commands, a shell command that hangs).
        so.wallLimitMillis = options.timeoutSeconds() * 1000L;
        if (hooks.scheduler() != null) {
            so = hooks.scheduler().apply(so);
        }
        Scheduler scheduler = new Scheduler(so);
        // A sealed run is the explorer's, which never shows the test's log.
        VtcLog log = new VtcLog(scheduler::now, options.bufferSize(), !options.sealed());
        Macros macros = newMacros(scheduler);

        VtcContext ctx = new VtcContext(file, scheduler, log, macros, tmpdir, options,
                new LinkedHashMap<>(baseEnvironment));
        if (hooks.varnishd() != null) {
            ctx.onVarnishd(hooks.varnishd());
        }
        VarnishExecutor varnish = factory.create(ctx);
        LogexpectCommand logexpects = new LogexpectCommand();
        int[] exit = {2};

        SimResult result;
        try (WallClockLimit limit = so.wallLimitMillis < 0 ? null
                : new WallClockLimit(scheduler, ctx, so.wallLimitMillis)) {
            result = scheduler.run("top", () -> exit[0] = top(ctx, varnish, logexpects));
        }
        ctx.shellProcesses().killAll();
        boolean timedOut = result.outcome() == SimResult.Outcome.TIMEOUT
                || result.outcome() == SimResult.Outcome.DEADLOCK;
        long nanos = result.virtualNanos();
        // The scheduler's wait for a shell command and the timer both stop the run at the
        // wall-clock limit, and either may come first.
        if (result.outcome() == SimResult.Outcome.TIMEOUT && nanos < so.virtualLimitNanos) {
            ctx.diag("vclab: the test took its time limit of " + options.timeoutSeconds()
                    + " s (-t) in wall-clock time, at virtual time "
                    + Scheduler.formatNanos(nanos) + "\n");
        }
        if (result.outcome() != SimResult.Outcome.COMPLETED) {
            abandon(ctx, varnish, result);
            if (timedOut) {
                nanos = so.virtualLimitNanos;
            }
        }
        if (hooks.finished() != null) {
            hooks.finished().accept(ctx, result);
        }
        String text = withDiag(log.text(), ctx.diagText());
        return new TestOutcome(file, exit[0], timedOut, nanos, text, ctx.skipReason(),
                List.copyOf(ctx.scriptErrors()), tmpdir);
    }

    private Macros newMacros(Scheduler scheduler) {
        Macros macros = new Macros(scheduler::epochMillis);
        extMacros.forEach((name, value) -> {
            if (value == null) {
                macros.putFunction(name);
            } else {
                macros.put(name, value);
            }
        });
        return macros;
    }

    /** The body of the top simulated thread; returns the child's exit code. */
    private int top(VtcContext ctx, VarnishExecutor varnish, LogexpectCommand logexpects) {
        ctx.setTopThread(ctx.scheduler().currentThread());
        ctx.log(1, "top", "TEST " + file + " starting");
        for (String line : ctx.macros().describe()) {
            ctx.log(4, "top", line);
        }
        Map<String, CommandHandler> commands =
                TopCommands.table(varnish, logexpects, ctx);
        Interpreter interpreter = new Interpreter(ctx, TopCommands.globals(commands));
        try {
            ctx.defineMacro("top", "testdir", testdir());
            ctx.defineMacro("top", "tmpdir", tmpdir.toString());
            // VTest2 defines ${vtcid} too; varnishtest 7.1 does not, so it is not logged.
            ctx.macros().put("vtcid", tmpdir.getFileName().toString());
            writeInfo(ctx);
            String reason = SkipScanner.scan(script);
            if (reason != null) {
                SkipScanner.skip(ctx, "top", reason);
            } else {
                interpreter.run(script, "top", commands);
            }
        } catch (VtcFatal e) {
            // logged where it happened
        }
        return failOut(ctx, varnish, logexpects);
    }

    /** Resets every command type in varnishtest's order and logs the end of the test. */
    private int failOut(VtcContext ctx, VarnishExecutor varnish, LogexpectCommand logexpects) {
        ctx.markStopping();
        ctx.log(1, "top", "RESETTING after " + file);
        try {
            ctx.barriers().reset(ctx);
            logexpects.reset(ctx);
            ctx.servers().reset(ctx);
            varnish.reset(ctx);
        } catch (VtcFatal e) {
            ctx.log(1, "top", "failure during reset");
            logexpects.cancelAll();
            varnish.abandon(ctx);
            return 2;
        } finally {
            ctx.barriers().releaseAll();
            ctx.servers().releaseAll();
        }
        ctx.log(1, "top", ctx.isFailed() ? "TEST " + file + " FAILED"
                : "TEST " + file + " completed");
        if (ctx.isSkipped()) {
            return 1;
        }
        return ctx.isFailed() ? 2 : 0;
    }

    private void abandon(VtcContext ctx, VarnishExecutor varnish, SimResult result) {
        ctx.barriers().releaseAll();
        ctx.servers().releaseAll();
        try {
            varnish.abandon(ctx);
        } catch (RuntimeException e) {
            System.getLogger(TestRun.class.getName()).log(System.Logger.Level.WARNING,
                    "varnish executor failed to release " + file + ": " + e);
        }
        if (result.outcome() == SimResult.Outcome.DEADLOCK) {
            ctx.diag("vclab: every simulated thread is blocked, so the test can only time"
                    + " out:\n" + String.join("\n", result.report()) + "\n");
        } else if (result.outcome() == SimResult.Outcome.ABORTED) {
            // Without an error, a scheduling policy ended the run, such as a replayed
            // schedule that the run left.
            String cause = result.error() != null ? "internal error" : "the run was stopped";
            ctx.diag("vclab: " + cause + ": " + String.join("; ", result.report()) + "\n");
        }
    }

    /** Returns ${testdir}: the directory of the file, made absolute from ${pwd}. */
    private String testdir() {
        StringBuilder sb = new StringBuilder();
        if (!file.startsWith("/")) {
            sb.append(options.pwd());
        }
        int slash = file.lastIndexOf('/');
        if (slash >= 0) {
            sb.append('/').append(file, 0, slash);
        }
        if (sb.length() == 0) {
            sb.append('/');
        }
        return sb.toString();
    }

    private void writeInfo(VtcContext ctx) {
        Path info = tmpdir.resolve("INFO");
        String text = "Test case: " + file + "\n";
        try {
            // The explorer reuses a directory for run after run of the same script, so the
            // file is there already unless a run changed it.
            if (options.sealed() && Files.isRegularFile(info)
                    && Files.size(info) == text.getBytes(StandardCharsets.UTF_8).length) {
                return;
            }
            Files.writeString(info, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ctx.fail("top", "Cannot write " + tmpdir.resolve("INFO") + ": "
                    + BasicCommands.strerror(e));
        }
    }

    private static String withDiag(String log, String diag) {
        if (diag.isEmpty()) {
            return log;
        }
        StringBuilder sb = new StringBuilder(log);
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        byte[] bytes = diag.getBytes(StandardCharsets.UTF_8);
        VtcLog.quoteWithPrefix(sb, "*    diag  0.0 ", bytes, bytes.length);
        return sb.toString();
    }
}
