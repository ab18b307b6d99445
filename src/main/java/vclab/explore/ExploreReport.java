package vclab.explore;

import java.util.List;

/**
 * The result of an exploration, as data: printers turn it into text, JSON or JUnit XML.
 *
 * @param scenario the scenario's name
 * @param strategy the strategy and its parameters
 * @param bound for DFS, the highest preemption bound searched completely, or -1
 * @param schedules schedules run at the last bound (DFS) or in all (walks), pruned runs
 *     left out
 * @param runs every run, including the lower bounds of an iterative search, pruned runs and
 *     minimisation
 * @param pruned branches and runs skipped because they only reorder independent steps
 * @param seconds wall-clock time of the search
 * @param firstFailureSeconds wall-clock time from the start to the first failing run, or -1
 * @param runsPerSecond runs of the search (without minimisation) per second
 * @param complete true if DFS searched every schedule within {@link #bound}
 * @param stopReason why the search stopped early, or null
 * @param failure the failure found, or null
 * @param schedule the minimised schedule that reproduces it, or null
 * @param story the failing run step by step, as text, or null
 * @param warnings problems that do not fail the search
 */
public record ExploreReport(String scenario, String strategy, int bound, long schedules,
        long runs, long pruned, double seconds, double firstFailureSeconds,
        double runsPerSecond, boolean complete,
        String stopReason, Failure failure, Schedule schedule, String story,
        List<String> warnings) {

    public ExploreReport {
        warnings = List.copyOf(warnings);
    }

    public boolean failed() {
        return failure != null;
    }
}
