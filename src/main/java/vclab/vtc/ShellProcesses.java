package vclab.vtc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The programs that one test's {@code shell} and {@code feature cmd} commands started and that
 * still run. A timed-out test kills them and everything they started, as varnishtest kills the
 * test's process group with SIGKILL; the JVM does the same when it exits early (SIGTERM,
 * Ctrl-C). Real threads outside the simulation call it, so its methods synchronize.
 */
final class ShellProcesses {
    private final Set<Process> running = new LinkedHashSet<>();
    private boolean killed;
    private Thread shutdownHook;

    /** Starts {@code builder}'s program and tracks it until {@link #finished}. */
    synchronized Process start(ProcessBuilder builder) throws IOException {
        if (killed) {
            throw new IOException("the test was stopped");
        }
        Process p = builder.start();
        running.add(p);
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::killAll, "vclab-shell-cleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return p;
    }

    /** Stops tracking a process that ended by itself. */
    synchronized void finished(Process p) {
        running.remove(p);
        if (running.isEmpty()) {
            removeShutdownHook();
        }
    }

    /**
     * Kills every tracked process with its descendants (SIGKILL) and rejects new ones. The
     * descendants are listed before anything is killed, because an orphan leaves the tree.
     */
    void killAll() {
        List<ProcessHandle> victims = new ArrayList<>();
        synchronized (this) {
            killed = true;
            for (Process p : running) {
                p.descendants().forEach(victims::add);
                victims.add(p.toHandle());
            }
            running.clear();
            removeShutdownHook();
        }
        for (ProcessHandle h : victims) {
            h.destroyForcibly();
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and runs the hook anyway.
        }
        shutdownHook = null;
    }
}
