package vclab.explore;

import java.util.List;
import vclab.sched.OpKind;
import vclab.sched.Policy;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.sched.SimThread;
import vclab.sched.StepListener;

/**
 * The common part of the explorer's policies: it counts scheduling decisions and
 * preemptions, logs deviations from the default policy, fingerprints the step sequence, and
 * can end a run early. One instance serves one run at a time and is reset between runs.
 */
abstract class ExplorePolicy implements Policy, StepListener {
    private Scheduler scheduler;
    private int choices;
    private int preemptions;
    private final Fingerprint fingerprint = new Fingerprint();
    private final DeviationLog deviations = new DeviationLog();
    private String endReason;
    private String divergence;
    /** Steps each thread has taken in this run, by thread id. */
    private int[] threadSteps = new int[16];
    private int maxThreadId = -1;

    /** Prepares for a new run. */
    void reset() {
        scheduler = null;
        choices = 0;
        preemptions = 0;
        fingerprint.reset();
        deviations.clear();
        endReason = null;
        divergence = null;
        java.util.Arrays.fill(threadSteps, 0, maxThreadId + 1, 0);
        maxThreadId = -1;
    }

    @Override
    public final SimThread choose(Scheduler s, SimThread current, SimThread[] enabled,
            int count, SimThread defaultChoice) {
        scheduler = s;
        if (endReason != null) {
            return defaultChoice;
        }
        int index = choices++;
        SimThread pick = pick(index, current, enabled, count, defaultChoice);
        if (endReason != null || pick == null) {
            return defaultChoice;
        }
        boolean preemption = pick != current && isEnabled(current, enabled, count);
        if (pick != defaultChoice) {
            deviations.add(index, s.steps(), pick, threadSteps(pick), defaultChoice,
                    threadSteps(defaultChoice), preemption);
        }
        if (preemption) {
            preemptions++;
        }
        return pick;
    }

    /**
     * Picks one of {@code enabled[0..count)}; may return null after {@link #end} or
     * {@link #diverge}.
     *
     * @param index the ordinal of this decision among the policy's decisions in this run
     */
    protected abstract SimThread pick(int index, SimThread current, SimThread[] enabled,
            int count, SimThread defaultChoice);

    /** Called for every step and every thread start, after the scheduler chose it. */
    protected void stepped(SimThread thread, OpKind kind, Object object, String vcl) {
    }

    @Override
    public final void onStep(long stepIndex, SimThread thread, OpKind kind, Object object,
            int enabledCount) {
        String vcl = thread.pendingVcl();
        fingerprint.add(thread.id(), kind, object, vcl);
        countStep(thread);
        stepped(thread, kind, object, vcl);
    }

    @Override
    public final void onStart(long stepIndex, SimThread thread, int enabledCount) {
        scheduler = thread.scheduler();
        fingerprint.add(thread.id(), OpKind.START, null, null);
        countStep(thread);
        stepped(thread, OpKind.START, null, null);
    }

    private void countStep(SimThread thread) {
        int id = thread.id();
        if (id >= threadSteps.length) {
            threadSteps = java.util.Arrays.copyOf(threadSteps,
                    Math.max(id + 1, threadSteps.length * 2));
        }
        threadSteps[id]++;
        if (id > maxThreadId) {
            maxThreadId = id;
        }
    }

    /**
     * Returns the number of steps {@code thread} has taken in this run, its start included.
     * The step it announces has this number among its own steps, counted from 0.
     */
    final int threadSteps(SimThread thread) {
        int id = thread.id();
        return id < threadSteps.length ? threadSteps[id] : 0;
    }

    /** Ends the run at the next step because it need not go on; its outcome is not checked. */
    protected final void end(String reason) {
        if (endReason == null) {
            endReason = reason;
            scheduler.abort(SimResult.Outcome.ABORTED, List.of(reason), null);
        }
    }

    /** Ends the run because it left the path it had to follow. */
    protected final void diverge(String message) {
        if (endReason == null) {
            divergence = message;
            end(message);
        }
    }

    static boolean isEnabled(SimThread t, SimThread[] enabled, int count) {
        if (t == null) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (enabled[i] == t) {
                return true;
            }
        }
        return false;
    }

    /** Describes the enabled threads and their announced steps, for divergence messages. */
    static String describeEnabled(SimThread[] enabled, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            SimThread t = enabled[i];
            sb.append(i == 0 ? "" : ", ").append(t.name()).append(" (")
                    .append(Steps.describe(t.pendingKind(), t.pendingObject(), t.pendingVcl(),
                            t.pendingDetail()))
                    .append(')');
        }
        return sb.toString();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    int choices() {
        return choices;
    }

    int preemptions() {
        return preemptions;
    }

    long fingerprint() {
        return fingerprint.value();
    }

    DeviationLog deviations() {
        return deviations;
    }

    /** Returns why the policy ended the run early, or null if it did not. */
    String endReason() {
        return endReason;
    }

    /** Returns how the run left its prescribed path, or null. */
    String divergence() {
        return divergence;
    }
}
