package vclab.explore;

import java.util.Arrays;
import vclab.sched.SimThread;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS
 * 2010): each thread gets a random priority of at least {@code depth}, the highest-priority
 * enabled thread runs, and at {@code depth - 1} steps chosen at random among the first
 * {@code steps} the running thread's priority drops below every initial one. A bug of depth
 * d is found with probability at least 1/(n k^(d-1)) per run, for n threads and k steps.
 *
 * <p>Priorities are drawn when a thread is first seen, so threads created during the run get
 * theirs at their first decision; steps are the scheduler's steps.
 */
final class PctPolicy extends ExplorePolicy {
    private final int depth;
    private final long steps;
    private long state;
    private long[] priorities = new long[16];
    private final long[] changePoints;
    private int nextChange;

    /**
     * @param depth the bug depth d; d - 1 priority change points
     * @param steps the number of steps k that change points are drawn from
     */
    PctPolicy(int depth, long steps) {
        if (depth < 1) {
            throw new IllegalArgumentException("PCT depth must be at least 1, not " + depth);
        }
        this.depth = depth;
        this.steps = Math.max(1, steps);
        this.changePoints = new long[depth - 1];
    }

    /** Prepares for run {@code index} of a walk with {@code seed}. */
    void reset(long seed, long index) {
        super.reset();
        state = SplitMix.mix(seed ^ SplitMix.mix(index + 1));
        Arrays.fill(priorities, 0);
        for (int i = 0; i < changePoints.length; i++) {
            changePoints[i] = (next() >>> 1) % steps;
        }
        Arrays.sort(changePoints);
        nextChange = 0;
    }

    private long next() {
        state += SplitMix.GAMMA;
        return SplitMix.mix(state);
    }

    @Override
    protected SimThread pick(int index, SimThread current, SimThread[] enabled, int count,
            SimThread defaultChoice) {
        long now = scheduler().steps();
        SimThread best = highest(enabled, count);
        while (nextChange < changePoints.length && changePoints[nextChange] <= now) {
            // The i-th change point lowers the running thread to priority d - 1 - i, below
            // every initial priority and below earlier change points.
            priorities[best.id()] = depth - 1 - nextChange;
            nextChange++;
            best = highest(enabled, count);
        }
        return best;
    }

    private SimThread highest(SimThread[] enabled, int count) {
        SimThread best = null;
        long bestPriority = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long p = priority(enabled[i].id());
            if (p > bestPriority) {
                best = enabled[i];
                bestPriority = p;
            }
        }
        return best;
    }

    private long priority(int id) {
        if (id >= priorities.length) {
            priorities = Arrays.copyOf(priorities, Math.max(id + 1, priorities.length * 2));
        }
        if (priorities[id] == 0) {
            // Initial priorities lie in [depth, 2^62): distinct with overwhelming probability.
            priorities[id] = depth + (next() >>> 2);
        }
        return priorities[id];
    }
}
