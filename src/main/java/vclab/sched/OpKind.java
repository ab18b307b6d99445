package vclab.sched;

/** The kinds of step a simulated thread announces to the scheduler before it performs it. */
public enum OpKind {
    /** First step of a new thread. */
    START,
    /** Acquire a mutex; enabled while the mutex is free. */
    LOCK,
    /** Try to acquire a mutex; always enabled. */
    TRYLOCK,
    /** Release a mutex. */
    UNLOCK,
    /** Wait on a condition variable; enabled once signalled or timed out. */
    WAIT,
    /** Signal or broadcast a condition variable. */
    SIGNAL,
    /** Sleep until a virtual deadline. */
    SLEEP,
    /** Take an element from a simulated queue; enabled while it holds one or on timeout. */
    TAKE,
    /** Put an element into a simulated queue. */
    PUT,
    /** Wait for another thread to exit. */
    JOIN,
    /** Wait for work done outside the simulation, such as a shell command. */
    EXTERNAL,
    /** A named injection point. */
    POINT,
    /** Let the threads that became ready earlier run first, as sched_yield does. */
    YIELD,
    /** Last step of a thread. */
    EXIT;

    /** Returns true for steps that can block the thread. */
    public boolean canBlock() {
        return this == LOCK || this == WAIT || this == SLEEP || this == TAKE || this == JOIN
                || this == EXTERNAL;
    }
}
