package vclab.explore;

import vclab.sched.OpKind;

/**
 * A 64-bit hash of a run's step sequence (thread, kind, object name and VCL of each step),
 * to tell whether two runs of one schedule took the same steps. FNV-1a over the fields.
 */
final class Fingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private long hash = OFFSET;
    private long steps;

    void reset() {
        hash = OFFSET;
        steps = 0;
    }

    void add(int threadId, OpKind kind, Object object, String vcl) {
        mix(threadId);
        mix(kind.ordinal());
        mix(Dependency.objectName(object).hashCode());
        mix(vcl == null ? 0 : vcl.hashCode());
        steps++;
    }

    private void mix(int value) {
        hash = (hash ^ value) * PRIME;
    }

    long value() {
        return hash;
    }

    /** Number of steps and starts hashed. */
    long steps() {
        return steps;
    }

    static String format(long value) {
        return String.format("%016x", value);
    }
}
