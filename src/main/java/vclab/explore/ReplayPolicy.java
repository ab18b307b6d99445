package vclab.explore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import vclab.sched.Scheduler;
import vclab.sched.SimThread;

/**
 * Follows a {@link Schedule}: the default policy everywhere except at the recorded
 * decisions. When the run leaves the schedule (the recorded thread is not enabled, its
 * announced step differs, or the decision comes at another step) the replay stops the run
 * with {@link vclab.sched.SimResult.Outcome#ABORTED} and a report naming the decision and
 * step, and {@link #divergence()} returns the same message.
 *
 * <p>Use: {@code ReplayPolicy r = ReplayPolicy.load(file); r.install(options);} then run,
 * then {@link #verify()}, which also compares the step fingerprint the schedule recorded.
 * One instance replays one run at a time; {@link #restart()} prepares it for another.
 */
public final class ReplayPolicy extends ExplorePolicy {
    private final Schedule schedule;
    private final List<Schedule.Entry> entries;
    private int next;

    public ReplayPolicy(Schedule schedule) {
        this.schedule = schedule;
        this.entries = schedule.entries();
    }

    /** Reads a schedule file. */
    public static ReplayPolicy load(Path file) throws IOException {
        return new ReplayPolicy(Schedule.read(file));
    }

    public Schedule schedule() {
        return schedule;
    }

    /** Makes {@code options} use this replay: sets the policy and adds the step listener. */
    public void install(Scheduler.Options options) {
        options.policy = this;
        options.listeners.add(this);
    }

    /** Prepares for another run of the same schedule. */
    public void restart() {
        reset();
        next = 0;
    }

    @Override
    protected SimThread pick(int index, SimThread current, SimThread[] enabled, int count,
            SimThread defaultChoice) {
        if (next >= entries.size() || entries.get(next).choice() != index) {
            return defaultChoice;
        }
        Schedule.Entry e = entries.get(next++);
        long step = scheduler().steps();
        if (e.step() != step) {
            diverge("schedule diverged at choice " + index + ": it expects step " + e.step()
                    + " but the run is at step " + step + "; enabled: "
                    + describeEnabled(enabled, count));
            return null;
        }
        SimThread named = null;
        for (int i = 0; i < count; i++) {
            SimThread t = enabled[i];
            if (!t.name().equals(e.thread())) {
                continue;
            }
            named = t;
            if (announces(t, e)) {
                return t;
            }
        }
        if (named == null) {
            diverge("schedule diverged at step " + step + " (choice " + index + "): thread "
                    + e.thread() + " is not enabled; enabled: "
                    + describeEnabled(enabled, count));
        } else {
            diverge("schedule diverged at step " + step + " (choice " + index + "): thread "
                    + e.thread() + " announced " + Steps.describe(named.pendingKind(),
                            named.pendingObject(), named.pendingVcl(), null)
                    + " instead of " + e.kind() + " " + e.object()
                    + (e.vcl() == null ? "" : " " + e.vcl()));
        }
        return null;
    }

    private static boolean announces(SimThread t, Schedule.Entry e) {
        return t.pendingKind() == e.kind()
                && Dependency.objectName(t.pendingObject()).equals(e.object())
                && java.util.Objects.equals(t.pendingVcl(), e.vcl());
    }

    /**
     * Returns why the last run left the schedule, or null if it followed it. The reason is a
     * divergence during the run, entries the run never reached, or a different step
     * fingerprint. Call after the run.
     */
    public String divergence() {
        String d = super.divergence();
        if (d != null) {
            return d;
        }
        if (next < entries.size()) {
            Schedule.Entry e = entries.get(next);
            return "schedule diverged: the run ended after " + choices() + " choices, before"
                    + " choice " + e.choice() + " (step " + e.step() + ", thread " + e.thread()
                    + ")";
        }
        String expected = schedule.fingerprint();
        if (expected != null && !expected.equals(Fingerprint.format(fingerprint()))) {
            return "nondeterminism: the run followed every choice of the schedule but its step"
                    + " fingerprint is " + Fingerprint.format(fingerprint()) + ", not "
                    + expected;
        }
        return null;
    }

    /**
     * Checks the last run against the schedule.
     *
     * @throws ScheduleDivergenceException with {@link #divergence()}'s message
     */
    public void verify() {
        String d = divergence();
        if (d != null) {
            throw new ScheduleDivergenceException(d);
        }
    }

    /** Returns the fingerprint of the last run's steps, as 16 hex digits. */
    public String runFingerprint() {
        return Fingerprint.format(fingerprint());
    }
}
