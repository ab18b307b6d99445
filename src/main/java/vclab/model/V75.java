package vclab.model;

import vclab.vcl.Child;
import vclab.vcl.Points;
import vclab.vcl.Temperature;
import vclab.vcl.Vcl;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * Varnish 7.5: directors are cooled before VMODs, and VRT_AddDirector only waits for
 * {@code vcl_mtx} when the VCL is busy or cold, using a try-lock loop while it is warm.
 * Temperatures are still stored without the lock.
 */
public class V75 extends ListModel {
    static final ReleaseFacts RELEASE = new ReleaseFacts("7.5.0",
            "eef25264e5ca5f96a77129308edb83ccf84cb1b1", "19.0", false, 661, 665, 0, 452, 252,
            150, "(vdir)->magic == 0xbf726c7d", 376, 0L);

    @Override
    public String id() {
        return "v7.5";
    }

    @Override
    public String description() {
        return "Varnish 7.5: directors cooled first, try-lock VRT_AddDirector, unlocked stores";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    /** Whether the warm-up and cool-down stores take vcl_mtx (from 7.6). */
    protected boolean lockedStores() {
        return false;
    }

    @Override
    public int warmUp(Child c, Vcl vcl, StringBuilder msg) {
        c.point(Points.WARM_BEFORE_LOCK, vcl.name, null);
        storeTemp(c, vcl, Temperature.WARM, lockedStores());
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
        storeTemp(c, vcl, vcl.refs.isEmpty() ? Temperature.COLD : Temperature.COOLING,
                lockedStores());
        c.point(Points.COLD_AFTER_TEMP, vcl.name, null);
        backendEvent(c, vcl, vcl.vdire.directors, VclEvent.COLD);
        c.point(Points.COLD_BEFORE_VMOD_COLD, vcl.name, null);
        sendEvent(c, vcl, VclEvent.COLD, null);
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
        while (true) {
            Temperature temp = vcl.temp;
            if (temp == Temperature.COOLING) {
                return cooled(c, d);
            }
            if (vcl.busy == 0 && temp.isWarm()) {
                if (c.vclMtx.tryLock()) {
                    break;
                }
                c.point(Points.ADD_TRYLOCK_BACKOFF, vcl.name, name);
                c.scheduler().sleep(10_000_000L);
                continue;
            }
            c.vclMtx.lock();
            break;
        }
        Temperature temp = insertLocked(c, vcl, d);
        c.vclMtx.unlock();
        c.point(Points.ADD_AFTER_UNLOCK, vcl.name, name);
        return verdict(c, d, temp);
    }
}
