package vclab.testing;

import java.util.concurrent.Executor;

/**
 * Runs each task on a new daemon thread of its own.
 *
 * <p>Tests use it instead of the common fork-join pool: on a two-core machine that pool has
 * one worker, so a task that blocks (reading a long-lived process's output, running a REPL)
 * starves every task queued behind it, and a join on one of those hangs the suite.
 */
public final class OwnThread {
    /** An executor that starts one daemon thread per task. */
    public static final Executor EXECUTOR = task -> {
        Thread thread = new Thread(task, "test-task");
        thread.setDaemon(true);
        thread.start();
    };

    private OwnThread() {
    }
}
