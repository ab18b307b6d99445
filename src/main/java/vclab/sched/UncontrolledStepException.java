package vclab.sched;

/**
 * Raised when a scheduler operation comes from a thread that does not hold the baton: a step
 * the scheduler did not decide, which would make a replay inexact.
 */
public final class UncontrolledStepException extends IllegalStateException
        implements SchedulerSignal {
    private static final long serialVersionUID = 1L;

    public UncontrolledStepException(String message) {
        super(message);
    }
}
