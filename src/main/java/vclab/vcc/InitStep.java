package vclab.vcc;

/**
 * One step of loading a compiled VCL, in the order VCC emits them into VGC_Load; DISCARD
 * undoes the steps in reverse order. The last step runs vcl_init, which is where the
 * {@code new} objects are created; each OBJECT step marks, at the place VCC emits it, the
 * destructor the discard runs for one of those objects.
 *
 * @param name the VMOD, backend, label or object concerned; null for VCL_INIT
 */
public record InitStep(Kind kind, String name, SourcePos pos) {

    public enum Kind {
        /** Load a VMOD (VPI_Vmod_Init). */
        VMOD_INIT,
        /** Send VCL_EVENT_LOAD to a VMOD's event function (DISCARD on unload). */
        VMOD_EVENT,
        /** Create a backend (VRT_new_backend); "none" backends have no step. */
        BACKEND,
        /** Hold a reference to the VCL behind a label used by return (vcl(...)). */
        LABEL,
        /** Destroy an object made by {@code new}, on discard. */
        OBJECT,
        /** Run vcl_init (and vcl_fini on discard), whatever earlier steps returned. */
        VCL_INIT
    }
}
