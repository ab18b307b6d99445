package vclab.model;

import java.util.ArrayList;
import java.util.List;
import vclab.vcl.Child;
import vclab.vcl.Points;
import vclab.vcl.Temperature;
import vclab.vcl.Vcl;
import vclab.vcl.VclModel;
import vclab.vrt.Director;
import vclab.vrt.DirectorSlot;
import vclab.vrt.Panic;
import vclab.vrt.VclEvent;

/**
 * The releases before the director registry of 7.7 (v7.4, v7.5, v7.6 and pr4205): a VCL's
 * directors are one list, every walk over it holds {@code vcl_mtx}, and a director whose last
 * reference goes away is retired at once, which also takes {@code vcl_mtx}.
 */
abstract class ListModel extends VclModel {

    /** vcl_BackendEvent: the event to every director, oldest first, under vcl_mtx. */
    protected void backendEvent(Child c, Vcl vcl, List<Director> list, VclEvent e) {
        c.vclMtx.lock();
        try {
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    c.point(Points.BASE_BETWEEN, vcl.name, e.name());
                }
                c.deliver(list.get(i), e);
            }
        } finally {
            c.vclMtx.unlock();
        }
    }

    /** The temperature store of a transition: plain, or under vcl_mtx from 7.6 on. */
    protected void storeTemp(Child c, Vcl vcl, Temperature t, boolean locked) {
        if (locked) {
            c.vclMtx.lock();
            setTemp(c, vcl, t);
            c.vclMtx.unlock();
        } else {
            setTemp(c, vcl, t);
        }
    }

    @Override
    public void deref(Child c, Director d) {
        d.mutex().lock();
        if (d.refcnt <= 0) {
            d.mutex().unlock();
            throw derefPanic();
        }
        int busy = --d.refcnt;
        d.mutex().unlock();
        if (busy == 0) {
            c.point(Points.DEREF_AFTER_ZERO, ((Vcl) d.vcl()).name, d.name());
            retireNow(c, d);
        }
    }

    /** Builds the panic of vcldir_deref's check that the reference being dropped exists. */
    protected Panic derefPanic() {
        return Panic.assertion("vcldir_deref", "cache/cache_vrt_vcl.c",
                release().line("vcldir_deref.refcnt"), "vdir->refcnt > 0");
    }

    /** vcldir_retire of 7.3 to 7.6: remove under vcl_mtx with the temperature read there. */
    protected void retireNow(Child c, Director d) {
        Vcl vcl = (Vcl) d.vcl();
        c.vclMtx.lock();
        Temperature temp = vcl.temp;
        boolean removed = vcl.vdire.directors.remove(d);
        c.vclMtx.unlock();
        c.invariantIf(!removed, "retired director " + d.cliName() + " was not in its VCL's list");
        c.point(Points.RESIGN_BEFORE_RETIRE, vcl.name, d.name());
        retire(c, d, temp);
    }

    /** VRT_Assign_Backend before 7.7: the old reference is dropped before the new one. */
    @Override
    public void assignBackend(Child c, DirectorSlot dst, Director src) {
        Director old = dst.value;
        if (old != null && !old.noRefcount) {
            deref(c, old);
        }
        c.point(Points.ASSIGN_AFTER_STORE, null, dst.name());
        if (src != null) {
            if (src.freed) {
                throw Panic.assertion("VRT_Assign_Backend", "cache/cache_vrt_vcl.c",
                        release().line("VRT_Assign_Backend.src_magic"),
                        release().assignCondition());
            }
            if (!src.noRefcount) {
                src.mutex().lock();
                src.refcnt++;
                src.mutex().unlock();
            }
        }
        dst.value = src;
    }

    @Override
    public void killBackends(Child c, Vcl vcl) {
        if (vcl.temp != Temperature.COLD && vcl.temp != Temperature.INIT) {
            throw Panic.assertion("vcl_KillBackends", "cache/cache_vcl.c",
                    release().line("vcl_KillBackends.temp"),
                    "vcl->temp == VCL_TEMP_COLD || vcl->temp == VCL_TEMP_INIT");
        }
        c.point(Points.KILL_AFTER_DRAIN, vcl.name, null);
        for (Director d : new ArrayList<>(vcl.vdire.directors)) {
            c.deliver(d, VclEvent.DISCARD);
        }
        if (!vcl.vdire.directors.isEmpty()) {
            throw Panic.assertion("vcl_KillBackends", "cache/cache_vcl.c",
                    release().line("vcl_KillBackends.empty"), "VTAILQ_EMPTY(&vcl->director_list)");
        }
    }

    /** backend.list and VRT_LookupDirector before 7.7: the list under vcl_mtx. */
    @Override
    public void walk(Child c, Vcl vcl, boolean skipUnreferenced, DirectorVisitor v) {
        c.vclMtx.lock();
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
            c.vclMtx.unlock();
        }
    }

    /** The insert-and-warm step of VRT_AddDirector, with vcl_mtx held. */
    protected Temperature insertLocked(Child c, Vcl vcl, Director d) {
        Temperature temp = vcl.temp;
        c.point(Points.ADD_LOCKED, vcl.name, d.name());
        if (temp != Temperature.COOLING) {
            vcl.vdire.directors.add(d);
            c.trace("director", vcl.name, d.name(), "registered", temp.word());
        }
        if (temp.isWarm()) {
            c.deliver(d, VclEvent.WARM);
        }
        return temp;
    }

    /** The verdict after the lock: a cold VCL panics; cooling frees the director. */
    protected Director verdict(Child c, Director d, Temperature temp) {
        if (temp == Temperature.COOLING) {
            return cooled(c, d);
        }
        if (!temp.isWarm() && temp != Temperature.INIT) {
            c.invariant("director " + d.cliName() + " added to a cold VCL");
            throw release().coldAddPanic();
        }
        return d;
    }

    /** A director refused at cooling: from 7.5 its reference is dropped before it is freed. */
    protected Director cooled(Child c, Director d) {
        d.refcnt = 0;
        freeDirector(c, d);
        return null;
    }
}
