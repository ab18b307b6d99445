package vclab.vcl;

import java.util.ArrayList;
import java.util.List;

/** The manager's record of one VCL or label (mgt_vcl.c's {@code struct vclprog}). */
public final class MgtVcl {
    final String name;
    /** "auto", "cold", "warm" or "label". */
    String state;
    /** True when the manager believes the child keeps this VCL warm; labels always. */
    boolean warm;
    /**
     * The cooldown timer: -1 when stopped, else the virtual time it started. (varnishd also
     * has a "start at the next poke" value 0, which nothing uses; virtual time 0 is a real
     * start time here.)
     */
    long goCold = -1;
    /** For a label, its target; for a VCL, the labels it uses with return(vcl). */
    final List<MgtVcl> dependencies = new ArrayList<>();
    /** Labels pointing to this VCL; VCLs using this label. */
    final List<MgtVcl> dependents = new ArrayList<>();
    boolean discardMark;
    /** The compiled program; null for labels. */
    VclCode code;
    /** The library path the child loads, relative to the work directory. */
    String library;

    MgtVcl(String name, String state, boolean warm) {
        this.name = name;
        this.state = state;
        this.warm = warm;
    }

    public boolean isLabel() {
        return "label".equals(state);
    }

    public String name() {
        return name;
    }

    /** "auto", "cold", "warm" or "label". */
    public String state() {
        return state;
    }

    /** Whether the manager believes the child keeps this VCL warm. */
    public boolean isWarm() {
        return warm;
    }

    /** For a label, the VCL it points to. */
    public MgtVcl target() {
        return dependencies.isEmpty() ? null : dependencies.get(0);
    }

    /** For a VCL, the labels pointing to it; for a label, the VCLs using it. */
    public int dependentCount() {
        return dependents.size();
    }

    /** The records this one depends on, in the order they were added. */
    public List<MgtVcl> dependencyList() {
        return List.copyOf(dependencies);
    }

    @Override
    public String toString() {
        return name;
    }
}
