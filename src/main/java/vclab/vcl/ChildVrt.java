package vclab.vcl;

import vclab.vrt.Backend;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.Panic;
import vclab.vrt.ProbeSpec;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.Vrt;
import vclab.vrt.VrtCtx;
import vclab.vrt.VrtHost;
import vclab.vrt.AdminHealth;

/** The VRT calls of one simulated child; the model decides the release-specific steps. */
public final class ChildVrt implements Vrt {
    private final Child child;

    ChildVrt(Child child) {
        this.child = child;
    }

    private ReleaseFacts release() {
        return child.model.release();
    }

    @Override
    public VrtHost host() {
        return child;
    }

    @Override
    public Director addDirector(VrtCtx ctx, DirectorMethods methods, Object priv, String name) {
        return child.model.addDirector(child, ctx, methods, priv, name);
    }

    @Override
    public void staticDirector(Director d) {
        if (d.refcnt != 1) {
            throw Panic.assertion("VRT_StaticDirector", "cache/cache_vrt_vcl.c",
                    release().line("VRT_StaticDirector.refcnt"), "vdir->refcnt == 1");
        }
        if (d.noRefcount) {
            // AZ(vdir->flags & VDIR_FLG_NOREFCNT): the panic shows the macro's value, 1.
            throw Panic.assertion("VRT_StaticDirector", "cache/cache_vrt_vcl.c",
                    release().line("VRT_StaticDirector.norefcnt"), "(vdir->flags & 1) == 0");
        }
        d.noRefcount = true;
    }

    @Override
    public void delDirector(Director d) {
        child.model.delDirector(child, d);
    }

    @Override
    public void disableDirector(Director d) {
        d.adminHealth = AdminHealth.DELETED;
        d.healthChanged = child.epochSeconds();
    }

    @Override
    public void assignBackend(DirectorSlot dst, Director src) {
        child.model.assignBackend(child, dst, src);
    }

    @Override
    public Director newBackend(VrtCtx ctx, String name, String host, String port, String path,
            ProbeSpec probe) {
        Vcl vcl = (Vcl) ctx.vcl;
        ProbeSpec effective = probe != null ? probe : vcl.program.defaultProbe();
        Backend be = new Backend(this, vcl.name, name, host, port, path, effective,
                vcl.temp.isWarm());
        Director d = addDirector(ctx, be, be, name);
        if (d == null) {
            be.discardUnregistered();
            return null;
        }
        be.registered(d);
        return d;
    }

    @Override
    public void deleteBackend(VrtCtx ctx, DirectorSlot slot) {
        disableDirector(slot.value);
        assignBackend(slot, null);
    }

    @Override
    public Director lookupDirector(VrtCtx ctx, String name) {
        Director[] found = new Director[1];
        child.model.walk(child, (Vcl) ctx.vcl, false, d -> {
            if (d.name().equals(name)) {
                found[0] = d;
                return false;
            }
            return true;
        });
        return found[0];
    }

    @Override
    public Object preventDiscard(VrtCtx ctx, String description) {
        Vcl vcl = (Vcl) ctx.vcl;
        if (!vcl.temp.isWarm()) {
            throw Panic.assertion("VRT_VCL_Prevent_Discard", "cache/cache_vrt_vcl.c",
                    release().line("VRT_VCL_Prevent_Discard.warm"), "vcl->temp->is_warm");
        }
        VclRef ref = new VclRef(vcl, description, false);
        child.vclMtx.lock();
        try {
            vcl.refs.add(ref);
            vcl.nrefs++;
        } finally {
            child.vclMtx.unlock();
        }
        return ref;
    }

    @Override
    public void allowDiscard(Object reference) {
        VclRef ref = (VclRef) reference;
        Vcl vcl = ref.vcl();
        child.vclMtx.lock();
        try {
            if (!vcl.refs.remove(ref)) {
                throw Panic.assertion("VRT_VCL_Allow_Discard", "cache/cache_vrt_vcl.c",
                        release().line("VRT_VCL_Allow_Discard.refs"),
                        "!VTAILQ_EMPTY(&vcl->ref_list)");
            }
            vcl.nrefs--;
        } finally {
            child.vclMtx.unlock();
        }
    }

    @Override
    public Object preventCold(VrtCtx ctx, String description) {
        Vcl vcl = (Vcl) ctx.vcl;
        if (vcl.temp.isCold()) {
            throw Panic.assertion("VCL_Ref", "cache/cache_vrt_vcl.c",
                    release().line("VCL_Ref.cold"), "!vcl->temp->is_cold");
        }
        VclRef ref = new VclRef(vcl, description, true);
        child.vclMtx.lock();
        try {
            if (vcl.busy <= 0) {
                throw Panic.assertion("VCL_Ref", "cache/cache_vrt_vcl.c",
                        release().line("VCL_Ref.busy"), "vcl->busy > 0");
            }
            vcl.busy++;
            vcl.refs.add(ref);
        } finally {
            child.vclMtx.unlock();
        }
        return ref;
    }

    @Override
    public void allowCold(Object reference) {
        VclRef ref = (VclRef) reference;
        Vcl vcl = ref.vcl();
        child.vclMtx.lock();
        try {
            vcl.refs.remove(ref);
            vcl.busy--;
        } finally {
            child.vclMtx.unlock();
        }
        child.point(Points.VCL_REL, vcl.name, null);
    }

    @Override
    public boolean healthy(Director d) {
        if (d == null) {
            return false;
        }
        if (d.adminHealth == AdminHealth.HEALTHY) {
            return true;
        }
        if (d.adminHealth == AdminHealth.SICK) {
            return false;
        }
        return !d.methods().hasHealthy() || d.methods().healthy(d);
    }
}
