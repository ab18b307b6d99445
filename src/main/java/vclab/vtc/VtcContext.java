package vclab.vtc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vclab.sched.Scheduler;

/**
 * Everything a command of one running test uses: the scheduler, the log, the macros, the
 * temporary directory, the run options, the registries of servers, barriers and varnish logs,
 * and the test's failed and stopped state. Only the test's simulated threads call it, one at a
 * time, so it needs no lock.
 */
public final class VtcContext {
    private final String testFile;
    private final Scheduler scheduler;
    private final VtcLog log;
    private final Macros macros;
    private final Path tmpdir;
    private final VtcRunOptions options;
    private final Map<String, String> environment;
    private final ServerRegistry servers = new ServerRegistry();
    private final BarrierRegistry barriers = new BarrierRegistry();
    private final VslRegistry vslLogs = new VslRegistry();
    private final ShellProcesses shellProcesses = new ShellProcesses();
    private final StringBuilder diag = new StringBuilder();
    private final List<String> scriptErrors = new ArrayList<>();
    private int error;
    private int stop;
    private vclab.sched.SimThread topThread;
    private int nextFd = 5;
    private String skipReason;
    /** Set by the timer thread of the run's wall-clock limit, hence volatile. */
    private volatile boolean timeUp;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, vclab.vcl.Varnishd> varnishds = new java.util.LinkedHashMap<>();
    private java.util.function.BiConsumer<String, vclab.vcl.Varnishd> varnishdHook;

    VtcContext(String testFile, Scheduler scheduler, VtcLog log, Macros macros, Path tmpdir,
            VtcRunOptions options, Map<String, String> environment) {
        this.testFile = testFile;
        this.scheduler = scheduler;
        this.log = log;
        this.macros = macros;
        this.tmpdir = tmpdir;
        this.options = options;
        this.environment = environment;
    }

    /** Returns the test file as named on the command line. */
    public String testFile() {
        return testFile;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Returns the test's private directory, also its current directory. */
    public Path tmpdir() {
        return tmpdir;
    }

    public VtcRunOptions options() {
        return options;
    }

    /** Returns the environment of programs the test starts; {@code setenv} changes it. */
    public Map<String, String> environment() {
        return environment;
    }

    public ServerRegistry servers() {
        return servers;
    }

    public BarrierRegistry barriers() {
        return barriers;
    }

    public VslRegistry vslLogs() {
        return vslLogs;
    }

    /** Records that the run's wall-clock limit is reached; called from the timer thread. */
    void markTimeUp() {
        timeUp = true;
    }

    /**
     * Gives the scheduler a step to end the run once its wall-clock limit is reached. Code
     * that can loop without a scheduling point (a {@code loop} of {@code delay 0}) calls it.
     */
    void yieldIfTimeUp() {
        if (timeUp) {
            scheduler.yieldNow();
        }
    }

    /** Returns the programs that the test's shell commands run. */
    ShellProcesses shellProcesses() {
        return shellProcesses;
    }

    /**
     * Returns false when the test's log is discarded (a run under the explorer), so a caller
     * can skip formatting a line that is never read.
     */
    public boolean logging() {
        return log.enabled();
    }

    /** Logs one line at {@code level} 1 (terse) to 4 (detail) under the instance {@code id}. */
    public void log(int level, String id, String text) {
        log.log(level, id, text);
    }

    /** Logs a multi-line text with the prefix {@code NAME|} on each line. */
    public void dump(int level, String id, String prefix, String text) {
        log.dump(level, id, prefix, text);
    }

    /**
     * Logs a fatal error, marks the test failed and unwinds the calling simulated thread.
     * Declared to return the exception so that callers can write {@code throw ctx.fail(...)}.
     */
    public VtcFatal fail(String id, String message) {
        log.log(0, id, message);
        failures.add(id + " " + message);
        error = 2;
        throw new VtcFatal(message);
    }

    /** The messages of the fatal errors so far, each prefixed with its id. */
    public List<String> failures() {
        return failures;
    }

    /** Called by the varnish executor for each simulated varnishd it launches. */
    public void varnishdLaunched(String name, vclab.vcl.Varnishd vd) {
        varnishds.put(name, vd);
        if (varnishdHook != null) {
            varnishdHook.accept(name, vd);
        }
    }

    /** The simulated varnishds of this run by instance name, in launch order. */
    public Map<String, vclab.vcl.Varnishd> varnishds() {
        return varnishds;
    }

    void onVarnishd(java.util.function.BiConsumer<String, vclab.vcl.Varnishd> hook) {
        this.varnishdHook = hook;
    }

    /** Records a script error with its position, for the {@code FILE:LINE:COLUMN:} report. */
    void scriptError(SourcePos pos, String message) {
        scriptErrors.add(pos + ": " + message);
    }

    List<String> scriptErrors() {
        return scriptErrors;
    }

    /** Defines the macro {@code name} and logs {@code macro def} under {@code id}. */
    public void defineMacro(String id, String name, String value) {
        macros.put(name, value);
        log.log(4, id, "macro def " + name + "=" + value);
    }

    /** Removes the macro {@code name}, logging {@code macro undef} unless the test stops. */
    public void undefineMacro(String id, String name) {
        if (!macros.isDefined(name)) {
            return;
        }
        if (stop == 0) {
            log.log(4, id, "macro undef " + name);
        }
        macros.remove(name);
    }

    /** Returns the value of a plain macro, or null. */
    public String macro(String name) {
        return macros.get(name);
    }

    /** Expands the macros of {@code text}; a failure is fatal under {@code id}. */
    public String expand(String id, String text) {
        try {
            return macros.expand(text);
        } catch (Macros.MacroException e) {
            throw fail(id, e.getMessage());
        }
    }

    Macros macros() {
        return macros;
    }

    /** Logs a fatal error and marks the test failed, without unwinding the caller. */
    void markFailed(String id, String message) {
        log.log(0, id, message);
        error = 2;
    }

    void setTopThread(vclab.sched.SimThread thread) {
        topThread = thread;
    }

    /** Returns true on the thread that runs the script's top level. */
    public boolean isTopThread() {
        return topThread != null && ctxThread() == topThread;
    }

    private vclab.sched.SimThread ctxThread() {
        return scheduler.currentThread();
    }

    /**
     * Returns a new file descriptor number for log lines; vclab opens no descriptors for
     * them, so these numbers only resemble varnishtest's.
     */
    public int nextFd() {
        return nextFd++;
    }

    /** Returns true once a fatal error happened in any thread of the test. */
    public boolean isFailed() {
        return error != 0;
    }

    /** Returns true once the test is ending: reset, skipped or killed. */
    public boolean isStopped() {
        return stop != 0;
    }

    /** Returns true if a {@code feature} check skipped the test. */
    public boolean isSkipped() {
        return stop > 1;
    }

    void markStopping() {
        if (stop == 0) {
            stop = 1;
        }
    }

    void markSkipped() {
        stop = 2;
    }

    /** Records why vclab skipped the test. */
    void skipReason(String reason) {
        skipReason = reason;
    }

    String skipReason() {
        return skipReason;
    }

    /** Appends output that the test printed outside its log (shown as {@code diag} lines). */
    public void diag(String text) {
        diag.append(text);
    }

    String diagText() {
        return diag.toString();
    }
}
