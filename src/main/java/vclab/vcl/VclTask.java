package vclab.vcl;

import vclab.vrt.Director;
import vclab.vrt.VrtCtx;

/**
 * The VCL state of one simulated task, a client request or a backend fetch: its variables,
 * the director slots it assigned, and the methods it ran. A task runs one method at a time on
 * the thread that owns it.
 */
public interface VclTask {
    /**
     * Runs VCL method {@code method} (vcl_recv, vcl_backend_fetch...) with context
     * {@code ctx} and returns the action of its {@code return}, or null when it fell off the
     * end (the builtin VCL then decides).
     */
    String run(String method, VrtCtx ctx);

    /** The label of {@code return (vcl(label))} in the last method, or null. */
    String vclLabel();

    /** A string variable such as {@code req.url}, or null. */
    Object get(String variable);

    void set(String variable, Object value);

    /** The director in a backend variable such as {@code req.backend_hint}, or null. */
    Director backend(String variable);

    /** Assigns a backend variable, counting references as VRT_Assign_Backend does. */
    void assignBackend(String variable, Director value);

    /** Drops every backend reference the task holds, as the end of a task does. */
    void release();
}
