package vclab.explore;

/** The SplitMix64 generator's pieces, used without allocating a Random per run. */
final class SplitMix {
    static final long GAMMA = 0x9e3779b97f4a7c15L;

    private SplitMix() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Maps a random 64-bit value to [0, n). */
    static int below(long random, int n) {
        return (int) ((random >>> 33) % n);
    }
}
