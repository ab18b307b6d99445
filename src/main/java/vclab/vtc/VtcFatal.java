package vclab.vtc;

/**
 * Unwinds the simulated thread that hit a fatal error, after {@link VtcContext#fail} has
 * logged it and marked the test failed. On the top thread the runner then resets the test;
 * a background thread (logexpect, server, barrier) just ends.
 */
public final class VtcFatal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VtcFatal(String message) {
        super(message, null, false, false);
    }
}
