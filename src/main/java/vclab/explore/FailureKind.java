package vclab.explore;

/** The kinds of failure a schedule can show, most specific first. */
public enum FailureKind {
    /** A scheduler operation came from a thread that does not hold the baton. */
    UNCONTROLLED,
    /** The same schedule gave a different step sequence when replayed. */
    NONDETERMINISM,
    /** The simulated varnishd recorded a violated invariant. */
    INVARIANT,
    /** The simulated child panicked. */
    PANIC,
    /** Every live thread was blocked with nothing left to wake it. */
    DEADLOCK,
    /** A thread kept taking steps without blocking or letting virtual time pass. */
    LIVELOCK,
    /** The run went past its virtual time limit. */
    TIMEOUT,
    /** The run stopped on an internal error. */
    ERROR,
    /** The scenario's own expectations failed. */
    EXPECTATION;

    /** Returns the kind in lower case, as reports print it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
