package vclab.vmod;

import vclab.sched.Point;
import vclab.sched.Scheduler;
import vclab.vcl.Child;
import vclab.vcl.Params;
import vclab.vcl.Vcl;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.Vrt;

/**
 * What a simulated VMOD instance may use: the VRT calls, the VCL it belongs to, the child's
 * log, parameters, threads and injection points.
 */
public final class VmodContext {
    private final Child child;
    private final Vcl vcl;

    public VmodContext(Child child, Vcl vcl) {
        this.child = child;
        this.vcl = vcl;
    }

    public Vrt vrt() {
        return child.vrt();
    }

    public Vcl vcl() {
        return vcl;
    }

    public String vclName() {
        return vcl.name;
    }

    public Child child() {
        return child;
    }

    public Params params() {
        return child.varnishd().params();
    }

    public Scheduler scheduler() {
        return child.scheduler();
    }

    /** Writes a log record with vxid 0, as VSL(tag, 0, ...) does. */
    public void log(String tag, String payload) {
        child.log(tag, payload);
    }

    /** Starts a thread of the child process. */
    public vclab.sched.SimThread spawn(String name, Runnable body) {
        return child.spawn(name, body);
    }

    public void point(Point p, String detail) {
        child.point(p, vcl.name, detail);
    }

    /**
     * Returns the modelled release. The simulated VMODs are the same for every model, but
     * their panics print the source lines of this release's copy of the VMOD.
     */
    public ReleaseFacts release() {
        return child.release();
    }

    /** The resolver that dynamic backends consult. */
    public vclab.vrt.Resolver resolver() {
        return child.varnishd().resolver();
    }
}
