package vclab.vcl;

import vclab.cli.Dialect;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * The steps where Varnish releases differ: warm-up, cool-down, adding a director, dropping
 * a reference and retiring, assignment, the walk over a VCL's directors and the DISCARD walk.
 * One subclass per modelled release renders that release step by step, passing the named
 * injection points at the same places, so that two models can be read side by side.
 */
public abstract class VclModel {
    /** The model's name for {@code --model}: "v8.0", "v7.6", "pr4205", ... */
    public abstract String id();

    /** One line saying what the model stands for. */
    public abstract String description();

    /** Texts and probe behaviour of the release this model reproduces. */
    public abstract ReleaseFacts release();

    /** The CLI output that release prints. */
    public Dialect dialect() {
        return Dialect.TRUNK;
    }

    /**
     * Warms up a VCL whose temperature is init or cold: VMOD WARM, then director WARM, or the
     * rollback when a VMOD fails.
     *
     * @return 0, or -1 with the VMOD's message in {@code msg}
     */
    public abstract int warmUp(Child c, Vcl vcl, StringBuilder msg);

    /** Cools down a warm or busy VCL whose busy count is 0: director COLD and VMOD COLD. */
    public abstract void coolDown(Child c, Vcl vcl);

    /** VRT_AddDirector. */
    public abstract Director addDirector(Child c, VrtCtx ctx, DirectorMethods methods,
            Object priv, String name);

    /** Drops one reference: the director is resigned or retired when none is left. */
    public abstract void deref(Child c, Director d);

    /**
     * VRT_DelDirector: the director's {@code release} callback, then the creator's reference
     * is dropped (a static director's last one).
     */
    public void delDirector(Child c, Director d) {
        d.methods().release(d);
        if (d.noRefcount) {
            d.noRefcount = false;
        }
        deref(c, d);
    }

    /** VRT_Assign_Backend. */
    public abstract void assignBackend(Child c, DirectorSlot dst, Director src);

    /** vcl_KillBackends: DISCARD to every remaining director of a cold VCL. */
    public abstract void killBackends(Child c, Vcl vcl);

    /** Visits one director of a walk; returns false to stop. */
    @FunctionalInterface
    public interface DirectorVisitor {
        boolean visit(Director d);
    }

    /**
     * The walk over one VCL's directors that {@code backend.list}, {@code backend.set_health}
     * and VRT_LookupDirector make.
     *
     * @param skipUnreferenced skip directors whose reference count reached 0
     */
    public abstract void walk(Child c, Vcl vcl, boolean skipUnreferenced, DirectorVisitor v);

    // ---------------------------------------------------------------- shared steps

    /** Builds a director with one reference, not yet registered. */
    protected final Director newDirector(Child c, VrtCtx ctx, DirectorMethods methods,
            Object priv, String name) {
        long serial = c.nextDirectorSerial();
        return new Director(ctx.vcl, ctx.vclName, name, methods, priv,
                c.scheduler.newMutex("dlck " + ctx.vclName + "." + name), serial,
                c.epochSeconds());
    }

    /**
     * vcldir_retire: COLD if the temperature read with the removal was warm, then destroy and
     * free.
     */
    protected final void retire(Child c, Director d, Temperature temp) {
        c.invariantIf(d.refcnt != 0, "retiring " + d.cliName() + " with " + d.refcnt
                + " references");
        if (temp.isWarm()) {
            c.deliver(d, VclEvent.COLD);
        }
        c.trace("director", ((Vcl) d.vcl()).name, d.name(), "retired", temp.word());
        d.methods().destroy(d);
        freeDirector(c, d);
    }

    /** vcldir_free: the director's memory goes away. */
    protected final void freeDirector(Child c, Director d) {
        c.invariantIf(d.warm, "director " + d.cliName() + " freed while warm");
        d.freed = true;
    }

    /** Delivers {@code ev} to the VCL's VMODs; see {@link Child#sendEvent}. */
    protected final int sendEvent(Child c, Vcl vcl, VclEvent ev, StringBuilder msg) {
        return c.sendEvent(vcl, ev, msg);
    }

    /** Stores a temperature, tracing the change. */
    protected final void setTemp(Child c, Vcl vcl, Temperature t) {
        c.checkCliThread("changed the temperature of " + vcl.name);
        if (vcl.temp != t) {
            c.trace("temperature", vcl.name, null, t.word(), vcl.temp.word() + " ->");
        }
        vcl.temp = t;
    }

    @Override
    public String toString() {
        return id();
    }
}
