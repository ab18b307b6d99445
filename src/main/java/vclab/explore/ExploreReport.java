package vclab.explore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The result of an exploration, as data: printers turn it into text, JSON or JUnit XML.
 *
 * @param scenario the scenario's name
 * @param strategy the strategy and its parameters
 * @param bound for DFS, the highest preemption bound searched completely, or -1
 * @param counts how many schedules and runs the search took
 * @param seconds wall-clock time of the search, without minimisation
 * @param firstFailureSeconds wall-clock time from the start to the first failing run that
 *     the search looks for (see {@link ExploreOptions#failureFilter}), or -1
 * @param runsPerSecond runs of the search (without minimisation) per second
 * @param complete true if DFS searched every schedule within {@link #bound}
 * @param stopReason why the search stopped early, or null
 * @param skipReason why the scenario skipped its work, as {@code vclab test} skips a
 *     script, or null; the search then stops after one schedule
 * @param failure the failure found, or null
 * @param schedule the minimised schedule that reproduces it, or null
 * @param story the failing run step by step, as text, or null
 * @param warnings problems that do not fail the search
 */
public record ExploreReport(String scenario, String strategy, int bound,
        @JsonUnwrapped Counts counts, double seconds, double firstFailureSeconds,
        double runsPerSecond, boolean complete, String stopReason, String skipReason,
        Failure failure, Schedule schedule, String story, List<String> warnings) {

    /**
     * The numbers of schedules and runs.
     *
     * @param passBound the preemption bound of the last DFS pass, or -1 for walks
     * @param schedules schedules run in the last pass: for DFS the last pass over a bound,
     *     which is what the progress lines count, for walks every schedule. Pruned runs are
     *     left out.
     * @param allSchedules schedules run in every pass, pruned runs left out
     * @param searchRuns runs of the search: every schedule of every pass, pruned runs too
     * @param minimizeRuns runs after the search to minimise, re-check and describe the
     *     failure found
     * @param pruned branches and runs skipped because they only reorder independent steps
     */
    public record Counts(int passBound, long schedules, long allSchedules, long searchRuns,
            long minimizeRuns, long pruned) {

        Counts withMinimizeRuns(long runs) {
            return new Counts(passBound, schedules, allSchedules, searchRuns, runs, pruned);
        }
    }

    public ExploreReport {
        warnings = List.copyOf(warnings);
    }

    @JsonIgnore
    public boolean failed() {
        return failure != null;
    }

    /** Returns true if the scenario skipped its work, so nothing was explored. */
    @JsonIgnore
    public boolean skipped() {
        return skipReason != null;
    }

    /** Returns the schedules of the last pass, see {@link Counts#schedules}. */
    @JsonIgnore
    public long schedules() {
        return counts.schedules();
    }

    /** Returns the pruned branches and runs. */
    @JsonIgnore
    public long pruned() {
        return counts.pruned();
    }

    /** Returns every run: those of the search and those of the minimisation. */
    @JsonProperty("runs")
    public long runs() {
        return counts.searchRuns() + counts.minimizeRuns();
    }
}
