package vclab.runtime;

import vclab.vrt.VrtCtx;

/**
 * One init step of a loaded VCL, in the order VCC emits them: a VMOD import with its LOAD
 * event, a backend, an object, a label reference, or vcl_init itself. A completed step is
 * undone on DISCARD, in reverse order.
 */
interface Step {
    /** Runs the step; returns 0, or non-zero (or fails {@code ctx}) on failure. */
    int run(VrtCtx ctx);

    /** Undoes a completed step. */
    default void undo(VrtCtx ctx) {
    }

    /** A short description for traces. */
    String describe();
}
