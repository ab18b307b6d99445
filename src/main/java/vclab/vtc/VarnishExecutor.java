package vclab.vtc;

import java.util.List;

/**
 * Runs the {@code varnish} command of VTC scripts. One executor serves one test run; the
 * runner gets it from a {@link Factory} found with {@link java.util.ServiceLoader}, or uses
 * {@link UnavailableVarnishExecutor} when there is none.
 */
public interface VarnishExecutor {

    /**
     * Runs one {@code varnish vNAME ...} command line; called on the top simulated thread.
     *
     * @param args the words after {@code varnish}, macros expanded: the instance name first
     * @param pos where the command starts, for messages
     * @throws VtcFatal through {@link VtcContext#fail} on a fatal error
     */
    void execute(VtcContext ctx, List<String> args, SourcePos pos);

    /**
     * Ends every launched instance at the end of the test ({@code -wait} treatment); called
     * on the top simulated thread while the test is stopping.
     */
    void reset(VtcContext ctx);

    /**
     * Releases everything without logging, after the test was killed by its timeout or the
     * simulation ended abnormally; called outside the simulation.
     */
    default void abandon(VtcContext ctx) {
    }

    /** Creates the executor of one test run. */
    interface Factory {
        VarnishExecutor create(VtcContext ctx);
    }
}
