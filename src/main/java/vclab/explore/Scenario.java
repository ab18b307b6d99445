package vclab.explore;

import java.util.function.Consumer;
import vclab.sched.Scheduler;
import vclab.vcl.Trace;

/**
 * A world the explorer runs again and again, once per schedule: a factory that builds a fresh
 * simulated system for each run and reuses whatever does not change between runs (parsed
 * scripts, compiled programs).
 *
 * <p>{@link #run} is called from several Java threads at once when the explorer uses more
 * than one worker, so an implementation keeps no mutable state between runs.
 */
public interface Scenario {
    /** A short name for reports, such as the script's file name. */
    String name();

    /**
     * Builds a fresh world, runs it to its end under a scheduler built from {@code options},
     * and returns what happened. The options carry the policy and the step listeners; the
     * implementation sets nothing in them except fields the explorer leaves at their
     * defaults (injections, epoch).
     *
     * @param trace receives every event of every simulated varnishd's trace as it happens
     *     (with the baton held), or null to leave tracing off, which is faster
     */
    ScenarioOutcome run(Scheduler.Options options, Consumer<Trace.Event> trace);
}
