package vclab.model;

import vclab.cli.Dialect;
import vclab.vcl.Child;
import vclab.vcl.Points;
import vclab.vcl.Temperature;
import vclab.vcl.Vcl;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.Panic;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * Varnish 7.1 to 7.4, with the texts of Debian's 7.1.1: temperatures stored without a lock,
 * VMODs cooled before directors, director walks over the whole list under {@code vcl_mtx},
 * and VRT_AddDirector taking {@code vcl_mtx} with a plain blocking lock.
 */
public final class V74 extends ListModel {
    static final ReleaseFacts RELEASE = new ReleaseFacts("7.1.1",
            "7cee1c581bead20e88d101ab3d72afb29f14d87a", "15.0", false, 656, 660, 714, 447, 224,
            149, "(src->vdir)->magic == 0xbf726c7d", 0, 0L);

    @Override
    public String id() {
        return "v7.4";
    }

    @Override
    public String description() {
        return "Varnish 7.1 to 7.4 (texts of 7.1.1): unlocked stores, VMODs cooled first";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    @Override
    public Dialect dialect() {
        return Dialect.V7_1;
    }

    @Override
    public int warmUp(Child c, Vcl vcl, StringBuilder msg) {
        c.point(Points.WARM_BEFORE_LOCK, vcl.name, null);
        storeTemp(c, vcl, Temperature.WARM, false);
        c.point(Points.WARM_AFTER_TEMP, vcl.name, null);
        int i = sendEvent(c, vcl, VclEvent.WARM, msg);
        if (i == 0) {
            c.point(Points.BASE_BEFORE, vcl.name, "WARM");
            backendEvent(c, vcl, vcl.vdire.directors, VclEvent.WARM);
            return 0;
        }
        sendEvent(c, vcl, VclEvent.COLD, null);
        c.point(Points.WARM_FAIL_AFTER_COLD, vcl.name, null);
        storeTemp(c, vcl, Temperature.COLD, false);
        return -1;
    }

    @Override
    public void coolDown(Child c, Vcl vcl) {
        storeTemp(c, vcl, vcl.refs.isEmpty() ? Temperature.COLD : Temperature.COOLING, false);
        c.point(Points.COLD_AFTER_TEMP, vcl.name, null);
        sendEvent(c, vcl, VclEvent.COLD, null);
        c.point(Points.COLD_BEFORE_VMOD_COLD, vcl.name, null);
        backendEvent(c, vcl, vcl.vdire.directors, VclEvent.COLD);
    }

    @Override
    public Director addDirector(Child c, VrtCtx ctx, DirectorMethods methods, Object priv,
            String name) {
        Vcl vcl = (Vcl) ctx.vcl;
        c.point(Points.ADD_BEFORE_PRECHECK, vcl.name, name);
        if (vcl.temp == Temperature.COOLING && !c.varnishd().vtcMode()) {
            return null;
        }
        Director d = newDirector(c, ctx, methods, priv, name);
        c.point(Points.ADD_BEFORE_LOCK, vcl.name, name);
        c.vclMtx.lock();
        Temperature temp = insertLocked(c, vcl, d);
        c.vclMtx.unlock();
        c.point(Points.ADD_AFTER_UNLOCK, vcl.name, name);
        return verdict(c, d, temp);
    }

    /** Before 7.5 a director refused at cooling is freed with its reference still counted. */
    @Override
    protected Director cooled(Child c, Director d) {
        throw Panic.assertion("vcldir_free", "cache/cache_vrt_vcl.c", RELEASE.vcldirFreeLine(),
                "(vdir->refcnt) == 0");
    }

    /** 7.1 and 7.2 have no vcldir_deref: VRT_Assign_Backend drops the old reference itself. */
    @Override
    protected Panic derefPanic() {
        return Panic.assertion("VRT_Assign_Backend", "cache/cache_vrt_vcl.c",
                RELEASE.line("VRT_Assign_Backend.dst_refcnt"), "(*dst)->vdir->refcnt > 0");
    }

    /**
     * 7.1 and 7.2: VRT_DelDirector has no release callback and requires exactly one
     * reference, then retires the director.
     */
    @Override
    public void delDirector(Child c, Director d) {
        d.mutex().lock();
        if (d.refcnt != 1) {
            d.mutex().unlock();
            throw Panic.assertion("VRT_DelDirector", "cache/cache_vrt_vcl.c",
                    RELEASE.line("VRT_DelDirector.refcnt"), "vdir->refcnt == 1");
        }
        d.refcnt = 0;
        d.noRefcount = false;
        d.mutex().unlock();
        retireNow(c, d);
    }
}
