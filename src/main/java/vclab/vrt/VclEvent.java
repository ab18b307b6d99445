package vclab.vrt;

/** The events a VCL sends to its VMODs and directors, named as varnishd names them. */
public enum VclEvent {
    LOAD, WARM, COLD, DISCARD;

    /** The C enumerator name, as VMODs log it: {@code VCL_EVENT_WARM}. */
    public String cName() {
        return "VCL_EVENT_" + name();
    }
}
