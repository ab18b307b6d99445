package vclab.vtc;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        try (Socket badBackend = new Socket()) {
            badBackend.bind(new InetSocketAddress("127.0.0.1", 0));
            VtcRunOptions options = options(a);
            if (options == null) {
                return 2;
            }
            Map<String, String> ext = extMacros(a, badBackend, options);
            Map<String, String> env = testEnvironment(options);
            Jobs jobs = new Jobs(out, err, a, options, ext, env, factory);
            return jobs.runAll(tests, skippedBadFiles[0]);
        } catch (IOException e) {
            err.println("vclab: cannot bind the bad_backend socket on 127.0.0.1: " + e);
            return 2;
        }
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
                a.trace == null ? null : Path.of(a.trace),
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
