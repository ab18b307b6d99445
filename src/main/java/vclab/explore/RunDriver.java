package vclab.explore;

import java.util.List;
import java.util.function.Consumer;
import vclab.sched.OpKind;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.sched.SimThread;
import vclab.sched.StepListener;
import vclab.vcl.Trace;

/** Runs a scenario once under an explorer policy and checks the outcome. */
final class RunDriver {
    /**
     * The result of one run.
     *
     * @param failure what went wrong, or null
     * @param ended true if the policy cut the run short (pruned or diverged); a divergence
     *     is reported as a {@link FailureKind#NONDETERMINISM} failure
     * @param steps steps the run took
     * @param skipReason why the scenario skipped its work, or null; such a run has no failure
     * @param outOfTime true if the search's wall-clock deadline stopped the run; such a run
     *     has no failure and counts as {@code ended}
     */
    record Result(Failure failure, boolean ended, long steps, String skipReason,
            boolean outOfTime) {
        Result(Failure failure, boolean ended, long steps) {
            this(failure, ended, steps, null, false);
        }
    }

    /** Steps between two looks at the clock, so that the deadline costs little per step. */
    static final int DEADLINE_CHECK_STEPS = 1024;

    private final Scenario scenario;
    private final ExploreOptions options;

    RunDriver(Scenario scenario, ExploreOptions options) {
        this.scenario = scenario;
        this.options = options;
    }

    Scenario scenario() {
        return scenario;
    }

    Result run(ExplorePolicy policy) {
        return run(policy, null, null, Long.MAX_VALUE);
    }

    /** Runs once, and stops the run at {@code deadlineNanos} of {@link System#nanoTime}. */
    Result run(ExplorePolicy policy, long deadlineNanos) {
        return run(policy, null, null, deadlineNanos);
    }

    /**
     * Runs once.
     *
     * @param trace receives the model's trace events, or null
     * @param extra one more step listener, or null
     */
    Result run(ExplorePolicy policy, Consumer<Trace.Event> trace, StepListener extra) {
        return run(policy, trace, extra, Long.MAX_VALUE);
    }

    private Result run(ExplorePolicy policy, Consumer<Trace.Event> trace, StepListener extra,
            long deadlineNanos) {
        Scheduler.Options o = new Scheduler.Options();
        o.policy = policy;
        o.listeners.add(policy);
        if (extra != null) {
            o.listeners.add(extra);
        }
        Deadline deadline = null;
        if (deadlineNanos != Long.MAX_VALUE) {
            deadline = new Deadline(deadlineNanos);
            o.listeners.add(deadline);
            // A loop that takes no step at all never meets the listener. The wall-clock limit
            // then ends the wait for the run, a few seconds late, and its thread spins on.
            o.wallLimitMillis = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
        }
        o.spinLimit = options.spinLimit;
        o.endOnLivelock = true;
        o.instantStepLimit = ExploreOptions.instantStepLimit(options.spinLimit);
        o.virtualLimitNanos = options.virtualLimitNanos;
        ScenarioOutcome outcome = null;
        Throwable thrown = null;
        try {
            outcome = scenario.run(o, trace);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            thrown = e;
        }
        long steps = outcome == null ? -1 : outcome.result().steps();
        if (deadline != null && deadline.endedRun(outcome)) {
            return new Result(null, true, steps, null, true);
        }
        if (outcome != null && outcome.skipReason() != null) {
            return new Result(null, false, steps, outcome.skipReason(), false);
        }
        String divergence = policy.divergence();
        if (divergence != null) {
            return new Result(new Failure(FailureKind.NONDETERMINISM, divergence,
                    List.of(divergence)), true, steps);
        }
        if (policy.endReason() != null) {
            return new Result(null, true, steps);
        }
        return new Result(Checks.classify(outcome, thrown), false, steps);
    }

    /**
     * Ends a run once the clock passes the search's deadline, so that a run that never ends
     * (a script that loops without letting virtual time pass) cannot outlast the budget.
     */
    private static final class Deadline implements StepListener {
        private final long deadlineNanos;
        private long steps;
        private boolean passed;

        Deadline(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void onStep(long stepIndex, SimThread thread, OpKind kind, Object object,
                int choices) {
            if (++steps % DEADLINE_CHECK_STEPS != 0 || passed
                    || System.nanoTime() < deadlineNanos) {
                return;
            }
            passed = true;
            thread.scheduler().abort(SimResult.Outcome.ABORTED,
                    List.of("the time budget of the search ran out"), null);
        }

        /**
         * Returns true if the deadline, not the scenario, ended the run: this listener
         * stopped it, or it ended unfinished after the deadline (the scheduler's wall-clock
         * limit, or an error while the run was abandoned).
         */
        boolean endedRun(ScenarioOutcome outcome) {
            return passed || System.nanoTime() >= deadlineNanos && (outcome == null
                    || outcome.result().outcome() != SimResult.Outcome.COMPLETED);
        }
    }
}
