package vclab.explore;

import java.util.List;
import vclab.sched.SimResult;

/**
 * The outcome of one run of a {@link Scenario}.
 *
 * @param result how the simulation ended
 * @param invariantViolations the lines of {@code Varnishd.invariantViolations()} of every
 *     simulated varnishd, in order
 * @param panic the text of the first child panic (as {@code Manager.panic()} shows it), or
 *     null if no child panicked
 * @param expectationFailures the script's own failed expectations, one line each
 * @param skipReason why the scenario skipped its work (as {@code vclab test} skips a script
 *     that uses what vclab does not model), or null if it ran
 */
public record ScenarioOutcome(SimResult result, List<String> invariantViolations, String panic,
        List<String> expectationFailures, String skipReason) {

    public ScenarioOutcome {
        invariantViolations = List.copyOf(invariantViolations);
        expectationFailures = List.copyOf(expectationFailures);
    }

    /** An outcome of a scenario that ran. */
    public ScenarioOutcome(SimResult result, List<String> invariantViolations, String panic,
            List<String> expectationFailures) {
        this(result, invariantViolations, panic, expectationFailures, null);
    }
}
