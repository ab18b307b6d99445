package vclab.sched;

/**
 * Thrown inside a simulated thread that was killed, for example because the simulated child
 * process died, so that its stack unwinds. An {@link Error} so that model code catching
 * exceptions does not swallow it.
 */
public final class SimThreadKilled extends Error {
    private static final long serialVersionUID = 1L;

    SimThreadKilled() {
        super("simulated thread killed", null, false, false);
    }
}
