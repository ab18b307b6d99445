package vclab.explore;

/** Raised when a replayed run does not follow its schedule. */
public final class ScheduleDivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScheduleDivergenceException(String message) {
        super(message);
    }
}
