package vclab.explore;

import vclab.sched.SchedulerSignal;

/** Raised when a replayed run does not follow its schedule. */
public final class ScheduleDivergenceException extends RuntimeException
        implements SchedulerSignal {
    private static final long serialVersionUID = 1L;

    public ScheduleDivergenceException(String message) {
        super(message);
    }
}
