package vclab.explore;

import vclab.sched.SimThread;

/**
 * A random walk: at each decision every enabled thread is equally likely. The generator is
 * SplitMix64, seeded per run from the walk's seed and the run's index, so that each run can
 * be repeated on its own.
 */
final class RandomPolicy extends ExplorePolicy {
    private long state;

    /** Prepares for run {@code index} of a walk with {@code seed}. */
    void reset(long seed, long index) {
        super.reset();
        state = SplitMix.mix(seed ^ SplitMix.mix(index + 1));
    }

    @Override
    protected SimThread pick(int index, SimThread current, SimThread[] enabled, int count,
            SimThread defaultChoice) {
        state += SplitMix.GAMMA;
        return enabled[SplitMix.below(SplitMix.mix(state), count)];
    }
}
