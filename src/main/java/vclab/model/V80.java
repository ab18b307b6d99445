package vclab.model;

import java.util.ArrayList;
import java.util.List;
import vclab.vcl.Child;
import vclab.vcl.DirectorRegistry;
import vclab.vcl.Points;
import vclab.vcl.Temperature;
import vclab.vcl.Vcl;
import vclab.vcl.VclModel;
import vclab.vrt.Director;
import vclab.vrt.DirectorMethods;
import vclab.vrt.DirectorSlot;
import vclab.vrt.Panic;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;
import vclab.vrt.VrtCtx;

/**
 * Varnish 8.0 and trunk: the director registry ("vdire") with a checkpoint per transition.
 * Directors that exist when a transition starts (the base) get its event from a walk newest
 * first; directors added during it (the delta) are warmed by VRT_AddDirector alone, and
 * retirements during a walk are deferred to the end of the iteration.
 */
public class V80 extends VclModel {
    static final ReleaseFacts RELEASE = new ReleaseFacts("8.0.0",
            "71d4d75665f4d1949f7eeca28092a12df7037f3a", "22.0", true, 709, 718, 770, 0, 252,
            150, "(vdir)->magic == 0xbf726c7d", 387, -1L);

    @Override
    public String id() {
        return "v8.0";
    }

    @Override
    public String description() {
        return "Varnish 8.0 and trunk: vdire checkpoint, base and delta events";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    // ---------------------------------------------------------------- warm-up

    @Override
    public int warmUp(Child c, Vcl vcl, StringBuilder msg) {
        c.point(Points.WARM_BEFORE_LOCK, vcl.name, null);
        c.vclMtx.lock();
        startEvent(c, vcl, Temperature.WARM);
        c.vclMtx.unlock();
        c.point(Points.WARM_AFTER_TEMP, vcl.name, null);

        int i = sendEvent(c, vcl, VclEvent.WARM, msg);
        if (i == 0) {
            c.point(Points.BASE_BEFORE, vcl.name, "WARM");
            baseWalk(c, vcl, VclEvent.WARM);
            endEvent(c, vcl);
            return 0;
        }
        sendEvent(c, vcl, VclEvent.COLD, null);
        c.point(Points.WARM_FAIL_AFTER_COLD, vcl.name, null);
        deltaWalk(c, vcl, VclEvent.COLD, Temperature.COLD);
        endEvent(c, vcl);
        return -1;
    }

    // ---------------------------------------------------------------- cool-down

    @Override
    public void coolDown(Child c, Vcl vcl) {
        c.vclMtx.lock();
        startEvent(c, vcl, vcl.refs.isEmpty() ? Temperature.COLD : Temperature.COOLING);
        c.vclMtx.unlock();
        c.point(Points.COLD_AFTER_TEMP, vcl.name, null);
        baseWalk(c, vcl, VclEvent.COLD);
        endEvent(c, vcl);
        c.point(Points.COLD_BEFORE_VMOD_COLD, vcl.name, null);
        sendEvent(c, vcl, VclEvent.COLD, null);
    }

    /** vdire_start_event: with vcl_mtx held, fix the checkpoint, store the temperature. */
    protected void startEvent(Child c, Vcl vcl, Temperature t) {
        DirectorRegistry r = vcl.vdire;
        c.invariantIf(r.inEvent, "a transition of " + vcl.name + " started inside another");
        r.checkpoint = r.last();
        r.inEvent = true;
        setTemp(c, vcl, t);
        r.iterating++;
    }

    /** vdire_end_event: clear the checkpoint and end the iteration. */
    protected void endEvent(Child c, Vcl vcl) {
        vcl.vdire.checkpoint = null;
        vcl.vdire.inEvent = false;
        endIter(c, vcl);
    }

    /** backend_event_base: the event to the base, from the checkpoint back to the head. */
    protected void baseWalk(Child c, Vcl vcl, VclEvent e) {
        DirectorRegistry r = vcl.vdire;
        Director d = r.checkpoint;
        if (d == null) {
            return;
        }
        int i = r.directors.indexOf(d);
        boolean first = true;
        for (; i >= 0; i--) {
            if (!first) {
                c.point(Points.BASE_BETWEEN, vcl.name, e.name());
            }
            first = false;
            c.deliver(r.directors.get(i), e);
        }
    }

    /**
     * backend_event_delta: after a failed warm-up, COLD to the directors added after the
     * checkpoint, oldest first, up to the last one present when the range was fixed.
     */
    protected void deltaWalk(Child c, Vcl vcl, VclEvent e, Temperature temp) {
        DirectorRegistry r = vcl.vdire;
        c.vclMtx.lock();
        Director d = r.checkpoint == null ? (r.directors.isEmpty() ? null : r.directors.get(0))
                : r.next(r.checkpoint);
        setTemp(c, vcl, temp);
        Director end = r.last();
        c.vclMtx.unlock();
        c.point(Points.DELTA_AFTER_TEMP, vcl.name, null);
        while (d != null) {
            c.deliver(d, e);
            if (d == end) {
                break;
            }
            d = nextInDelta(r, d);
            c.point(Points.DELTA_BETWEEN, vcl.name, e.name());
        }
    }

    /** The element after {@code d} in a rollback walk; b9a2040 gets this wrong. */
    protected Director nextInDelta(DirectorRegistry r, Director d) {
        return r.next(d);
    }

    // ---------------------------------------------------------------- iterations

    /** vdire_start_iter: wait until no resignation is pending, then count an iteration. */
    protected void startIter(Child c, Vcl vcl) {
        DirectorRegistry r = vcl.vdire;
        c.vclMtx.lock();
        while (!r.resigning.isEmpty()) {
            c.point(Points.START_ITER_WAIT, vcl.name, null);
            r.cond.await(c.vclMtx);
        }
        r.iterating++;
        c.vclMtx.unlock();
    }

    /** vdire_end_iter: the last iteration retires what resigned meanwhile. */
    protected void endIter(Child c, Vcl vcl) {
        DirectorRegistry r = vcl.vdire;
        List<Director> detached = List.of();
        Temperature temp = null;
        c.vclMtx.lock();
        r.iterating--;
        if (r.iterating == 0) {
            detached = new ArrayList<>(r.resigning);
            r.resigning.clear();
            for (Director d : detached) {
                r.directors.remove(d);
                d.resigned = false;
            }
            temp = vcl.temp;
            r.cond.broadcast();
        }
        c.vclMtx.unlock();
        if (!detached.isEmpty()) {
            c.point(Points.END_ITER_BEFORE_RETIRE, vcl.name, null);
        }
        for (Director d : detached) {
            retire(c, d, temp);
        }
    }

    @Override
    public void walk(Child c, Vcl vcl, boolean skipUnreferenced, DirectorVisitor v) {
        startIter(c, vcl);
        try {
            List<Director> list = vcl.vdire.directors;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    c.point(Points.ITER_BETWEEN, vcl.name, null);
                }
                Director d = list.get(i);
                if (skipUnreferenced && d.refcnt == 0) {
                    continue;
                }
                if (!v.visit(d)) {
                    break;
                }
            }
        } finally {
            endIter(c, vcl);
        }
    }

    // ---------------------------------------------------------------- directors

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
                return surplus(c, d);
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
        Temperature temp = vcl.temp;
        c.point(Points.ADD_LOCKED, vcl.name, name);
        if (temp != Temperature.COOLING) {
            vcl.vdire.directors.add(d);
            c.trace("director", vcl.name, name, "registered", temp.word());
        }
        if (temp.isWarm()) {
            c.deliver(d, VclEvent.WARM);
        }
        c.vclMtx.unlock();
        c.point(Points.ADD_AFTER_UNLOCK, vcl.name, name);
        if (temp == Temperature.COOLING) {
            return surplus(c, d);
        }
        if (!temp.isWarm() && temp != Temperature.INIT) {
            c.invariant("director " + d.cliName() + " added to a cold VCL");
            throw release().coldAddPanic();
        }
        return d;
    }

    /** vcldir_surplus: a director refused at cooling loses its reference and is freed. */
    protected Director surplus(Child c, Director d) {
        d.refcnt = 0;
        freeDirector(c, d);
        return null;
    }

    @Override
    public void deref(Child c, Director d) {
        d.mutex().lock();
        if (d.refcnt <= 0) {
            d.mutex().unlock();
            throw Panic.assertion("vcldir_deref", "cache/cache_vrt_vcl.c",
                    release().line("vcldir_deref.refcnt"), "vdir->refcnt > 0");
        }
        int busy = --d.refcnt;
        d.mutex().unlock();
        if (busy == 0) {
            c.point(Points.DEREF_AFTER_ZERO, ((Vcl) d.vcl()).name, d.name());
            resign(c, d);
        }
    }

    /** vdire_resign: retire now, or defer while an iteration runs. */
    protected void resign(Child c, Director d) {
        Vcl vcl = (Vcl) d.vcl();
        DirectorRegistry r = vcl.vdire;
        Temperature temp = null;
        boolean now;
        c.vclMtx.lock();
        if (r.iterating != 0) {
            r.resigning.add(d);
            d.resigned = true;
            now = false;
        } else {
            r.directors.remove(d);
            temp = vcl.temp;
            now = true;
        }
        c.vclMtx.unlock();
        if (now) {
            c.point(Points.RESIGN_BEFORE_RETIRE, vcl.name, d.name());
            retire(c, d, temp);
        } else {
            c.trace("director", vcl.name, d.name(), "resigned", null);
        }
    }

    @Override
    public void assignBackend(Child c, DirectorSlot dst, Director src) {
        if (dst.value == src) {
            return;
        }
        Director old = dst.value;
        dst.value = src;
        c.point(Points.ASSIGN_AFTER_STORE, null, dst.name());
        if (src != null && !src.noRefcount) {
            checkAlive(c, src);
            src.mutex().lock();
            if (src.refcnt <= 0) {
                src.mutex().unlock();
                throw Panic.assertion("VRT_Assign_Backend", "cache/cache_vrt_vcl.c",
                        release().line("VRT_Assign_Backend.src_refcnt"), "vdir->refcnt > 0");
            }
            src.refcnt++;
            src.mutex().unlock();
        }
        if (old != null && !old.noRefcount) {
            deref(c, old);
        }
    }

    /** The magic check that a freed director fails. */
    protected void checkAlive(Child c, Director d) {
        if (d.freed) {
            throw Panic.assertion("VRT_Assign_Backend", "cache/cache_vrt_vcl.c",
                    release().line("VRT_Assign_Backend.src_magic"), release().assignCondition());
        }
    }

    @Override
    public void killBackends(Child c, Vcl vcl) {
        if (vcl.temp != Temperature.COLD && vcl.temp != Temperature.INIT) {
            throw Panic.assertion("vcl_KillBackends", "cache/cache_vcl.c",
                    release().line("vcl_KillBackends.temp"),
                    "vcl->temp == VCL_TEMP_COLD || vcl->temp == VCL_TEMP_INIT");
        }
        startIter(c, vcl);
        endIter(c, vcl);
        c.point(Points.KILL_AFTER_DRAIN, vcl.name, null);
        for (Director d : new ArrayList<>(vcl.vdire.directors)) {
            c.deliver(d, VclEvent.DISCARD);
        }
        if (!vcl.vdire.directors.isEmpty()) {
            throw Panic.assertion("vcl_KillBackends", "cache/cache_vcl.c",
                    release().line("vcl_KillBackends.empty"), "VTAILQ_EMPTY(&vdire->directors)");
        }
    }
}
