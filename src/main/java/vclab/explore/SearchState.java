package vclab.explore;

import java.util.concurrent.atomic.LongAdder;

/** Counters, budgets and the failure found, shared by the workers of an exploration. */
final class SearchState {
    static final String TIME_BUDGET_REACHED = "time budget reached";

    /** Schedules run in all passes of the search, pruned runs left out. */
    final LongAdder schedules = new LongAdder();
    /**
     * Schedules run in the current pass: the one search of a walk, or one DFS pass over a
     * bound. Progress lines and the report give this count.
     */
    final LongAdder passSchedules = new LongAdder();
    final LongAdder runs = new LongAdder();
    final LongAdder pruned = new LongAdder();
    final LongAdder failures = new LongAdder();
    final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final long maxSchedules;
    private final boolean stopOnFailure;
    private final FailureKind onlyKind;
    private final ExploreOptions options;
    private volatile boolean stopped;
    private volatile String stopReason;
    private volatile String skipReason;
    private volatile int bound = -1;
    private Found found;
    private long firstFailureNanos = -1;
    private long lowestOrder = Long.MAX_VALUE;

    /** @param onlyKind the kind of failure to keep, or null for any */
    SearchState(ExploreOptions options, FailureKind onlyKind) {
        this.onlyKind = onlyKind;
        this.options = options;
        this.deadlineNanos = deadline(startNanos, options.maxSeconds);
        this.maxSchedules = options.scheduleBudget();
        this.stopOnFailure = options.stopOnFailure;
    }

    /** Returns the {@link System#nanoTime} at which the time budget ends, or Long.MAX_VALUE. */
    private static long deadline(long startNanos, double maxSeconds) {
        if (maxSeconds < 0) {
            return Long.MAX_VALUE;
        }
        double nanos = maxSeconds * 1e9;
        // Far deadlines saturate instead of overflowing into the past.
        if (nanos >= Long.MAX_VALUE - Math.max(0, startNanos)) {
            return Long.MAX_VALUE;
        }
        return startNanos + (long) nanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Stops the search because the time budget cut a run short. */
    void outOfTime() {
        stop(TIME_BUDGET_REACHED);
    }

    /** Stops the search because the scenario skipped its work, which every run would do. */
    void skipped(String reason) {
        skipReason = reason;
        stop("the script was skipped");
    }

    /** Returns why the scenario skipped its work, or null if it ran. */
    String skipReason() {
        return skipReason;
    }

    /** Returns false, and stops the search, once a budget is used up or a stop was asked. */
    boolean mayContinue() {
        if (stopped) {
            return false;
        }
        if (maxSchedules >= 0 && schedules.sum() >= maxSchedules) {
            stop("schedule budget of " + maxSchedules + " reached");
            return false;
        }
        if (System.nanoTime() >= deadlineNanos) {
            stop(TIME_BUDGET_REACHED);
            return false;
        }
        return true;
    }

    void stop(String reason) {
        if (!stopped) {
            stopReason = reason;
            stopped = true;
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Returns why the search stopped before finishing, or null. */
    String stopReason() {
        return stopReason;
    }

    /**
     * Records a failing schedule; the one with the lowest {@link Found#order()} is kept.
     * Failures of other kinds than {@code onlyKind}, and those the options' failure filter
     * rejects, are only counted.
     */
    synchronized void offer(Found f) {
        failures.increment();
        if (onlyKind != null && f.failure().kind() != onlyKind
                || !options.accepts(f.failure())) {
            return;
        }
        if (firstFailureNanos < 0) {
            firstFailureNanos = System.nanoTime() - startNanos;
        }
        if (f.order() < lowestOrder) {
            lowestOrder = f.order();
            found = f;
        }
        if (stopOnFailure) {
            stop("failure found");
        }
    }

    /** Seconds from the start of the search to the first failing run, or -1. */
    synchronized double firstFailureSeconds() {
        return firstFailureNanos < 0 ? -1 : firstFailureNanos / 1e9;
    }

    synchronized Found found() {
        return found;
    }

    /** Returns the order of the failure kept so far, or Long.MAX_VALUE. */
    synchronized long lowestOrder() {
        return lowestOrder;
    }

    void bound(int b) {
        bound = b;
    }

    /** Counts a schedule that ran to its end. */
    void countSchedule() {
        schedules.increment();
        passSchedules.increment();
    }

    /** Starts a new DFS pass, whose schedules are counted from 0. Call it with no worker running. */
    void startPass() {
        passSchedules.reset();
    }

    /** Returns the preemption bound being searched, or -1 for walks. */
    int bound() {
        return bound;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
