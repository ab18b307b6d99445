package vclab.vtc;

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
import vclab.explore.Schedule;
import vclab.model.Models;

/**
 * The varnishtest program: reads and checks the files, runs the tests (in parallel with
 * {@code -j}), prints their results and returns varnishtest's exit code.
 */
public final class VtcMain {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Path pwd;
    private final VarnishExecutor.Factory factory;

    /**
     * @param environment the process environment; {@code TMPDIR} and the timeout variables
     *     are read from it, and tests start from a copy of it
     * @param factory creates the varnish executor of each test run
     */
    public VtcMain(PrintStream out, PrintStream err, Map<String, String> environment, Path pwd,
            VarnishExecutor.Factory factory) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.pwd = pwd;
        this.factory = factory;
    }

    /** Runs {@code vclab test ARGS}; returns the exit code. */
    public int run(String argv0, List<String> args) {
        VtcArgs a;
        try {
            a = VtcArgs.parse(args);
        } catch (VtcArgs.UsageException e) {
            err.print(VtcArgs.usage(argv0));
            return 1;
        } catch (VtcArgs.BadValueException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (a.files.isEmpty()) {
            err.print(VtcArgs.usage(argv0));
            return 1;
        }
        if (!checkLongOptions(a)) {
            return 2;
        }

        if (a.verbosity > 1) {
            err.println("vclab: Java " + Runtime.version() + " (" + System.getProperty("java.home")
                    + "), simulated threads on " + vclab.sched.Scheduler.carrierKind()
                    + " threads");
        }

        List<TestFiles.Loaded> tests = new ArrayList<>();
        int[] skippedBadFiles = {0};
        List<String> files = TestFiles.expandDirectories(a.files, pwd, err);
        if (files == null) {
            return 2;
        }
        for (String f : files) {
            TestFiles.Loaded loaded = TestFiles.load(f, pwd, err, skippedBadFiles);
            if (loaded != null) {
                tests.add(loaded);
            } else if (!a.keepGoing) {
                return 2;
            }
        }

        Schedule schedule = null;
        if (a.schedule != null) {
            schedule = loadSchedule(a, tests);
            if (schedule == null) {
                return 2;
            }
        }

        try (Socket badBackend = new Socket()) {
            badBackend.bind(new InetSocketAddress("127.0.0.1", 0));
            VtcRunOptions options = options(a);
            if (options == null) {
                return 2;
            }
            Map<String, String> ext = extMacros(a, badBackend, options);
            Map<String, String> env = testEnvironment(options);
            Jobs jobs = new Jobs(out, err, a, options, ext, env, factory, schedule);
            return jobs.runAll(tests, skippedBadFiles[0]);
        } catch (IOException e) {
            err.println("vclab: cannot bind the bad_backend socket on 127.0.0.1: " + e);
            return 2;
        }
    }

    /**
     * Checks the values of {@code --model} and {@code --trace} before any script runs;
     * prints what is wrong and returns false for an invalid one.
     */
    private boolean checkLongOptions(VtcArgs a) {
        if (a.model != null) {
            try {
                Models.byId(a.model);
            } catch (IllegalArgumentException e) {
                err.println("vclab test: invalid --model: " + e.getMessage());
                return false;
            }
        }
        if (a.trace != null) {
            Path dir = pwd.resolve(a.trace).getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                err.println("vclab test: cannot write the trace to " + a.trace + ": directory "
                        + dir + " not found");
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the {@code --schedule} file, which replays one run of one script; prints why
     * and returns null when the file or the command line does not fit.
     */
    private Schedule loadSchedule(VtcArgs a, List<TestFiles.Loaded> tests) {
        if (tests.size() != 1 || a.iterations != 1) {
            err.println("vclab test: --schedule replays one run of one script, but "
                    + tests.size() + " scripts and -n " + a.iterations + " were given");
            return null;
        }
        Path file = pwd.resolve(a.schedule);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("vclab test: cannot read the schedule " + a.schedule + ": "
                    + BasicCommands.strerror(e));
            return null;
        }
        String notText = TestFiles.notText(bytes);
        if (notText != null) {
            err.println("vclab test: " + a.schedule + " is not a schedule from vclab explore: "
                    + notText);
            return null;
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(new String(bytes, StandardCharsets.UTF_8), a.schedule);
        } catch (IllegalArgumentException e) {
            err.println("vclab test: invalid schedule: " + e.getMessage());
            return null;
        }
        if (schedule.scenario().isEmpty() && schedule.steps() < 0
                && schedule.entries().isEmpty()) {
            err.println("vclab test: " + a.schedule + " is not a schedule from vclab explore:"
                    + " it has no scenario, steps or choice line");
            return null;
        }
        return schedule;
    }

    private VtcRunOptions options(VtcArgs a) {
        int timeout = 60;
        String env = environment.get("VTEST_DURATION");
        if (env == null) {
            env = environment.get("VARNISHTEST_DURATION");
        }
        if (env != null) {
            timeout = ShellCommand.atoi(env);
        }
        if (a.timeout != null) {
            timeout = a.timeout;
        }
        String topbuild = null;
        if (a.inTree) {
            topbuild = TestFiles.topbuild(pwd, err);
            if (topbuild == null) {
                return null;
            }
        }
        Path tmpRoot = Path.of(environment.getOrDefault("TMPDIR", "/tmp"));
        return new VtcRunOptions(a.params, a.defines, timeout, a.bufferSize, a.leaveTemp,
                a.inTree, topbuild, a.model, a.realtime, a.strict,
                a.trace == null ? null : pwd.resolve(a.trace),
                a.schedule == null ? null : Path.of(a.schedule), pwd, tmpRoot, false);
    }

    /** Returns the runner's macros in varnishtest's order; null values are functions. */
    private Map<String, String> extMacros(VtcArgs a, Socket badBackend, VtcRunOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pwd", pwd.toString());
        m.put("date", null);
        m.put("string", null);
        m.putAll(a.defines);
        m.put("localhost", "127.0.0.1");
        m.put("bad_backend", "127.0.0.1:" + badBackend.getLocalPort());
        m.put("listen_addr", "127.0.0.1:0");
        m.put("bad_ip", "192.0.2.255");
        if (o.topbuild() != null) {
            m.put("topbuild", o.topbuild());
        }
        return m;
    }

    private Map<String, String> testEnvironment(VtcRunOptions o) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (o.topbuild() != null) {
            String bins = TestFiles.buildPath(Path.of(o.topbuild()), "bin", "varnish");
            env.put("PATH", bins + ":" + environment.getOrDefault("PATH", ""));
        }
        return env;
    }
}
