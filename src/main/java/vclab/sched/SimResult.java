package vclab.sched;

import java.util.List;

/**
 * How a simulation ended.
 *
 * @param outcome the kind of ending
 * @param report for deadlocks and livelocks, one line per thread; otherwise empty
 * @param error the exception that aborted the run, or null
 * @param virtualNanos virtual time at the end
 * @param steps number of steps performed
 */
public record SimResult(Outcome outcome, List<String> report, Throwable error, long virtualNanos,
        long steps) {

    /** The kinds of ending. */
    public enum Outcome {
        /** The main thread returned. */
        COMPLETED,
        /** Every live thread was blocked with nothing left to wake it. */
        DEADLOCK,
        /** A thread kept running without blocking or letting virtual time pass. */
        LIVELOCK,
        /** Virtual or wall-clock time ran past the limit. */
        TIMEOUT,
        /** An internal error or an uncontrolled step stopped the run. */
        ABORTED
    }
}
