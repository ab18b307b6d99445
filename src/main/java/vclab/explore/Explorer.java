package vclab.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Searches the interleavings of a {@link Scenario} for a schedule that fails, and returns
 * the simplest one found, replayable exactly, with its story.
 *
 * <p>Every schedule re-runs the scenario from scratch. With {@link ExploreOptions#workers}
 * above 1, workers explore disjoint parts of the search at once.
 */
public final class Explorer {
    private final Scenario scenario;
    private final ExploreOptions options;
    private final RunDriver driver;

    public Explorer(Scenario scenario, ExploreOptions options) {
        if (options.workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not "
                    + options.workers);
        }
        if (options.bound < 0) {
            throw new IllegalArgumentException("the preemption bound must be at least 0, not "
                    + options.bound);
        }
        this.scenario = scenario;
        this.options = options;
        this.driver = new RunDriver(scenario, options);
    }

    /** Runs the search, then minimises, re-checks and describes the failure it found. */
    public ExploreReport explore() {
        SearchState state = new SearchState(options, null);
        int bound = -1;
        try (Progress p = Progress.start(options.progress, state)) {
            if (options.strategy == ExploreOptions.Strategy.DFS) {
                bound = searchBounds(state);
            } else {
                long k = options.strategy == ExploreOptions.Strategy.PCT
                        ? defaultSteps(state) : 0;
                if (!state.stopped()) {
                    new WalkSearch(driver, options, state, k).run();
                }
            }
        }
        return conclude(state, bound);
    }

    /** Builds the report: minimises, re-checks and describes the failure, if any. */
    private ExploreReport conclude(SearchState state, int bound) {
        double seconds = state.seconds();
        long runs = state.runs.sum();
        double rate = seconds > 0 ? runs / seconds : 0;
        boolean complete = options.strategy == ExploreOptions.Strategy.DFS && !state.stopped();
        String stopReason = complete ? null : state.stopReason();
        ExploreReport.Counts counts = new ExploreReport.Counts(state.bound(),
                state.passSchedules.sum(), state.schedules.sum(), runs, 0, state.pruned.sum());
        List<String> warnings = new ArrayList<>();
        Found found = state.found();
        if (found == null) {
            return new ExploreReport(scenario.name(), options.describeStrategy(), bound, counts,
                    seconds, -1, rate, complete, stopReason, state.skipReason(), null, null,
                    null, warnings);
        }

        long minimizeRuns = 0;
        if (options.minimize) {
            Minimizer m = new Minimizer(driver, options);
            found = m.minimize(found);
            minimizeRuns += m.runs();
        }
        found = recheck(found, warnings);
        String story = tell(found, warnings);
        minimizeRuns += 2;
        counts = counts.withMinimizeRuns(minimizeRuns);
        return new ExploreReport(scenario.name(), options.describeStrategy(), bound, counts,
                seconds, state.firstFailureSeconds(), rate, complete, stopReason, null,
                found.failure(), found.schedule(), story, warnings);
    }

    /**
     * Searches with bounds 0, 1, ... (or only the configured one) and stops at the first that
     * fails. Returns the highest bound searched completely, or -1.
     *
     * <p>When going bound by bound, each bound b is first searched among the schedules with
     * at most b deviations from the default policy, that is, where every deviation is a
     * preemption. Those few schedules hold the simplest failures, which are then found in a
     * fraction of the runs. The full search of the bound follows.
     */
    private int searchBounds(SearchState state) {
        int from = options.iterativeBound ? 0 : options.bound;
        int complete = -1;
        for (int b = from; b <= options.bound; b++) {
            state.bound(b);
            if (options.iterativeBound) {
                state.startPass();
                new DfsSearch(driver, options, state, b, b).run();
                if (state.stopped()) {
                    break;
                }
            }
            state.startPass();
            new DfsSearch(driver, options, state, b, -1).run();
            if (state.stopped()) {
                break;
            }
            complete = b;
        }
        return complete;
    }

    /**
     * Returns the number of steps of one run under the default policy: PCT's k. Stops the
     * search if that run ran out of time or the scenario skipped its work.
     */
    private long defaultSteps(SearchState state) {
        ReplayPolicy p = new ReplayPolicy(new Schedule(scenario.name(), "default", 0, -1, null,
                List.of()));
        RunDriver.Result r = driver.run(p, state.deadlineNanos());
        state.runs.increment();
        if (r.outOfTime()) {
            state.outOfTime();
        } else if (r.skipReason() != null) {
            state.countSchedule();
            state.skipped(r.skipReason());
        }
        return Math.max(1, r.steps());
    }

    /**
     * Replays the schedule once more and compares the step fingerprint; a difference turns
     * the failure into {@link FailureKind#NONDETERMINISM}.
     */
    private Found recheck(Found found, List<String> warnings) {
        ReplayPolicy replay = new ReplayPolicy(found.schedule());
        RunDriver.Result r = driver.run(replay);
        String divergence = replay.divergence();
        if (divergence == null && !found.failure().sameKind(r.failure())) {
            divergence = "nondeterminism: the replay took the same steps but ended with "
                    + (r.failure() == null ? "no failure" : r.failure().summary())
                    + " instead of " + found.failure().summary();
        }
        if (divergence == null) {
            return found;
        }
        warnings.add(divergence);
        List<String> details = new ArrayList<>();
        details.add(divergence);
        details.add("first run: " + found.failure().summary());
        return new Found(new Failure(FailureKind.NONDETERMINISM, divergence, details),
                found.schedule(), found.switches(), found.order());
    }

    private String tell(Found found, List<String> warnings) {
        ReplayPolicy replay = new ReplayPolicy(found.schedule());
        StoryRecorder recorder = new StoryRecorder();
        driver.run(replay, recorder, recorder);
        String divergence = replay.divergence();
        if (divergence != null) {
            warnings.add("the traced replay for the story left the schedule: " + divergence);
        }
        return Story.render(found, recorder);
    }
}
