package vclab.explore;

import java.io.PrintStream;
import java.util.function.Predicate;

/** Settings of one exploration. */
public final class ExploreOptions {
    /** The search strategies. */
    public enum Strategy {
        /** Exhaustive depth-first search within a preemption bound. */
        DFS,
        /** Independent random walks. */
        RANDOM,
        /** Probabilistic concurrency testing. */
        PCT
    }

    public Strategy strategy = Strategy.DFS;
    /** Maximum preemptions per schedule, for DFS. */
    public int bound = 2;
    /**
     * For DFS: search with bound 0, 1, ... up to {@link #bound} and stop at the first bound
     * that fails, so that a failure has the fewest preemptions. Off: only {@link #bound}.
     */
    public boolean iterativeBound = true;
    /** Prune interleavings that differ only in the order of independent steps (sleep sets). */
    public boolean partialOrderReduction = true;
    /** Seed of random walks and PCT. */
    public long seed = 1;
    /** PCT's bug depth d: d - 1 priority change points per run. */
    public int depth = 3;
    /** Stop after this many schedules, or -1; random walks and PCT default to 10,000. */
    public long maxSchedules = -1;
    /** Stop after this many seconds of wall-clock time, or -1. */
    public double maxSeconds = -1;
    /** Java threads exploring at once. */
    public int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** The default of {@link #spinLimit}; a replay outside the explorer uses it too. */
    public static final long DEFAULT_SPIN_LIMIT = 10_000;

    /** Steps one thread may take at one virtual instant before the run counts as livelocked. */
    public long spinLimit = DEFAULT_SPIN_LIMIT;
    /**
     * The steps all threads together may take at one virtual instant, as a multiple of
     * {@link #spinLimit}, before the run counts as livelocked. It is high so that a script
     * doing much work at one instant (thousands of CLI commands) is not cut short.
     */
    public static final long INSTANT_STEPS_PER_SPIN_LIMIT = 100;
    /** Virtual time limit of a run in nanoseconds, or -1 to keep the scenario's. */
    public long virtualLimitNanos = -1;
    /** Stop at the first failing schedule. */
    public boolean stopOnFailure = true;
    /**
     * The failures the search looks for, or null for any. A failing run that this rejects is
     * counted but neither kept nor a reason to stop, and minimisation keeps to failures it
     * accepts. Use it to look past a known failure for another one in the same scenario.
     */
    public Predicate<Failure> failureFilter;
    /** Minimise a failing schedule: fewer preemptions, then fewer deviations and steps. */
    public boolean minimize = true;
    /** Runs the minimisation may spend. */
    public long minimizeBudget = 20_000;
    /** The stream that gets a progress line every second, or null for none. */
    public PrintStream progress;

    /** Returns true if {@code failure} is one the search looks for (see {@link #failureFilter}). */
    boolean accepts(Failure failure) {
        return failure != null && (failureFilter == null || failureFilter.test(failure));
    }

    /** Returns the limit of steps of all threads at one virtual instant, from a spin limit. */
    public static long instantStepLimit(long spinLimit) {
        return spinLimit > Long.MAX_VALUE / INSTANT_STEPS_PER_SPIN_LIMIT ? Long.MAX_VALUE
                : spinLimit * INSTANT_STEPS_PER_SPIN_LIMIT;
    }

    /** Returns the schedule budget in effect: {@link #maxSchedules}, or the walks' default. */
    long scheduleBudget() {
        if (maxSchedules >= 0 || strategy == Strategy.DFS) {
            return maxSchedules;
        }
        return 10_000;
    }

    /** Describes the strategy and its parameters, as schedules and reports name it. */
    public String describeStrategy() {
        return switch (strategy) {
            case DFS -> "dfs bound " + bound + (partialOrderReduction ? "" : " without reduction");
            case RANDOM -> "random seed " + seed;
            case PCT -> "pct depth " + depth + " seed " + seed;
        };
    }
}
