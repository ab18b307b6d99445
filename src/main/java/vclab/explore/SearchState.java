package vclab.explore;

import java.util.concurrent.atomic.LongAdder;

/** Counters, budgets and the failure found, shared by the workers of an exploration. */
final class SearchState {
    final LongAdder schedules = new LongAdder();
    final LongAdder runs = new LongAdder();
    final LongAdder pruned = new LongAdder();
    final LongAdder failures = new LongAdder();
    final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final long maxSchedules;
    private final boolean stopOnFailure;
    private final FailureKind onlyKind;
    private volatile boolean stopped;
    private volatile String stopReason;
    private volatile int bound = -1;
    private Found found;
    private long firstFailureNanos = -1;
    private long lowestOrder = Long.MAX_VALUE;

    /** @param onlyKind the kind of failure to keep, or null for any */
    SearchState(ExploreOptions options, FailureKind onlyKind) {
        this.onlyKind = onlyKind;
        this.deadlineNanos = options.maxSeconds < 0 ? Long.MAX_VALUE
                : startNanos + (long) (options.maxSeconds * 1e9);
        this.maxSchedules = options.scheduleBudget();
        this.stopOnFailure = options.stopOnFailure;
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
            stop("time budget reached");
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
     * Failures of other kinds than {@code onlyKind} are only counted.
     */
    synchronized void offer(Found f) {
        failures.increment();
        if (firstFailureNanos < 0) {
            firstFailureNanos = System.nanoTime() - startNanos;
        }
        if (onlyKind != null && f.failure().kind() != onlyKind) {
            return;
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

    /** Returns the preemption bound being searched, or -1 for walks. */
    int bound() {
        return bound;
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
