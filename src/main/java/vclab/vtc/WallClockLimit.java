package vclab.vtc;

import java.util.ArrayList;
import java.util.List;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;

/**
 * Ends a test run once it has taken its time limit ({@code -t}) in wall-clock time, as
 * varnishtest kills a test child whose time is up. It catches the runs that the virtual
 * time limit cannot: loops that keep virtual time still and programs run by {@code shell}.
 */
final class WallClockLimit implements AutoCloseable {
    private final Thread timer;

    /**
     * Starts the timer, which ends the run {@code millis} milliseconds from now unless closed.
     *
     * @param ctx notified when the time is up, so its threads give the scheduler a step
     */
    WallClockLimit(Scheduler scheduler, VtcContext ctx, long millis) {
        timer = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            scheduler.submitExternal(() -> {
                List<String> report = new ArrayList<>();
                report.add("wall-clock limit of " + millis / 1000.0 + " s reached");
                report.addAll(scheduler.describeThreads());
                scheduler.abort(SimResult.Outcome.TIMEOUT, report, null);
            });
            ctx.markTimeUp();
        }, "vclab-test-timer");
        timer.setDaemon(true);
        timer.start();
    }

    /** Stops the timer of a run that ended. */
    @Override
    public void close() {
        timer.interrupt();
    }
}
