package vclab.vrt;

import vclab.sched.SimMutex;

/**
 * A director registered with one VCL: varnishd's {@code struct vcldir} and
 * {@code struct director} together.
 */
public final class Director {
    private final Object vcl;
    private final String vclName;
    private final String name;
    private final DirectorMethods methods;
    private final Object priv;
    private final SimMutex mutex;
    private final long serial;

    /** References; protected by {@link #mutex()}. Starts at 1, the creator's. */
    public int refcnt = 1;
    /** Set by {@code VRT_StaticDirector}: reference operations skip the director. */
    public boolean noRefcount;
    public AdminHealth adminHealth = AdminHealth.AUTO;
    /** Epoch seconds of the last administrative health change, for {@code backend.list}. */
    public double healthChanged;

    // Bookkeeping for the invariants; not part of varnishd's structure.
    /** True between a WARM and the next COLD this director received. */
    public boolean warm;
    /** Set when the director was freed; any later use is a use after free. */
    public boolean freed;
    /** Set while it sits on its registry's resigning list. */
    public boolean resigned;

    public Director(Object vcl, String vclName, String name, DirectorMethods methods, Object priv,
            SimMutex mutex, long serial, double now) {
        this.vcl = vcl;
        this.vclName = vclName;
        this.name = name;
        this.methods = methods;
        this.priv = priv;
        this.mutex = mutex;
        this.serial = serial;
        this.healthChanged = now;
    }

    /** The VCL object this director belongs to (a {@code vclab.vcl.Vcl}). */
    public Object vcl() {
        return vcl;
    }

    /** The name VCL code sees, without the VCL prefix. */
    public String name() {
        return name;
    }

    /** {@code <vcl>.<name>}, as the CLI shows it. */
    public String cliName() {
        return vclName + "." + name;
    }

    public DirectorMethods methods() {
        return methods;
    }

    /** The type's private state, for example the {@link Backend}. */
    public Object priv() {
        return priv;
    }

    /** The per-director lock that protects {@link #refcnt}. */
    public SimMutex mutex() {
        return mutex;
    }

    /** Creation number within the child, for stable identities in traces. */
    public long serial() {
        return serial;
    }

    @Override
    public String toString() {
        return cliName();
    }
}
