package vclab.vcl;

import java.util.ArrayList;
import java.util.List;
import vclab.sched.SimCond;

/**
 * A VCL object in the child (varnishd's {@code struct vcl}), or a label. Fields marked
 * "vcl_mtx" are protected by the child's {@code vcl_mtx}; the rest are touched by the CLI
 * thread only.
 */
public final class Vcl {
    /** The loaded name; several discarded objects may share one. */
    public final String name;
    /** The compiled program, or null for a label. */
    public final VclConf program;
    /** The directors of this VCL; null for a label. */
    public final DirectorRegistry vdire;

    /** "auto", "cold", "warm" or "label": the last state a successful command gave. */
    public String state;
    /** vcl_mtx for stores made by transitions from 7.6 on; read without lock by VRT code. */
    public Temperature temp;
    /** vcl_mtx. Tasks, idle workers and cold references that need the VCL warm. */
    public int busy;
    /** vcl_mtx. Reference entries, in insertion order. */
    public final List<VclRef> refs = new ArrayList<>();
    /** vcl_mtx. On a label: VCLs using it with return(vcl); on a VCL: discard references. */
    public int nrefs;
    /** Number of labels pointing to this VCL. */
    public int nlabels;
    /** For a label, the VCL it points to. */
    public Vcl label;
    /** vcl_mtx. Set by vcl.discard; the object stays listed until freed. */
    public boolean discard;
    /** The VMODs whose last event was a WARM that succeeded, for the event order checks. */
    public final java.util.Set<String> warmVmods = new java.util.HashSet<>();

    Vcl(String name, VclConf program, SimCond registryCond) {
        this.name = name;
        this.program = program;
        this.vdire = program == null ? null : new DirectorRegistry(registryCond);
        this.temp = program == null ? Temperature.WARM : Temperature.INIT;
        this.state = program == null ? "label" : "";
    }

    public boolean isLabel() {
        return program == null;
    }

    @Override
    public String toString() {
        return name;
    }
}
