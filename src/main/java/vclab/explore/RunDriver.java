package vclab.explore;

import java.util.List;
import java.util.function.Consumer;
import vclab.sched.Scheduler;
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
     */
    record Result(Failure failure, boolean ended, long steps) {
    }

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
        return run(policy, null, null);
    }

    /**
     * Runs once.
     *
     * @param trace receives the model's trace events, or null
     * @param extra one more step listener, or null
     */
    Result run(ExplorePolicy policy, Consumer<Trace.Event> trace, StepListener extra) {
        Scheduler.Options o = new Scheduler.Options();
        o.policy = policy;
        o.listeners.add(policy);
        if (extra != null) {
            o.listeners.add(extra);
        }
        o.spinLimit = options.spinLimit;
        o.endOnLivelock = true;
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
}
