package vclab.model;

import java.util.ArrayList;
import java.util.List;
import vclab.vcl.Child;
import vclab.vcl.DirectorRegistry;
import vclab.vcl.Points;
import vclab.vcl.Temperature;
import vclab.vcl.Vcl;
import vclab.vrt.Director;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;

/**
 * Pull request 4205 (commit f2ceb3548, never merged) on a 7.6-era tree: the "temperature
 * dance". A warm-up moves the existing directors aside, so that directors created during the
 * VMOD WARM handlers are not warmed twice, and appends them back after the live list.
 */
public final class Pr4205 extends V75 {
    static final ReleaseFacts RELEASE = new ReleaseFacts("trunk",
            "f2ceb354872f5a486e1b6ad7894fb1a3b6c931fa", "20.1", true, 709, 718, 770, 0, 252,
            150, "(vdir)->magic == 0xbf726c7d", 363, 0L);

    @Override
    public String id() {
        return "pr4205";
    }

    @Override
    public String description() {
        return "pull request 4205 (f2ceb3548): the temperature dance on a 7.6-era tree";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    @Override
    protected boolean lockedStores() {
        return true;
    }

    @Override
    public int warmUp(Child c, Vcl vcl, StringBuilder msg) {
        DirectorRegistry r = vcl.vdire;
        c.point(Points.WARM_BEFORE_LOCK, vcl.name, null);
        c.vclMtx.lock();
        r.setAside.addAll(r.directors);
        r.directors.clear();
        setTemp(c, vcl, Temperature.WARM);
        c.vclMtx.unlock();
        c.point(Points.WARM_AFTER_TEMP, vcl.name, null);

        int i = sendEvent(c, vcl, VclEvent.WARM, msg);
        if (i == 0) {
            c.point(Points.BASE_BEFORE, vcl.name, "WARM");
            backendEvent(c, vcl, r.setAside, VclEvent.WARM);
            c.vclMtx.lock();
            r.directors.addAll(r.setAside);
            r.setAside.clear();
            c.vclMtx.unlock();
            return 0;
        }
        sendEvent(c, vcl, VclEvent.COLD, null);
        c.point(Points.WARM_FAIL_AFTER_COLD, vcl.name, null);
        c.vclMtx.lock();
        List<Director> warmed = new ArrayList<>(r.directors);
        r.directors.clear();
        r.directors.addAll(r.setAside);
        r.setAside.clear();
        setTemp(c, vcl, Temperature.COLD);
        c.vclMtx.unlock();
        c.point(Points.DELTA_AFTER_TEMP, vcl.name, null);
        backendEvent(c, vcl, warmed, VclEvent.COLD);
        c.vclMtx.lock();
        r.directors.addAll(warmed);
        c.vclMtx.unlock();
        return -1;
    }

    /**
     * Retiring a director that sits on the set-aside list unlinks it through the live list's
     * head, which corrupts both lists in the C code; vclab removes it and records the
     * violation.
     */
    @Override
    protected void retireNow(Child c, Director d) {
        Vcl vcl = (Vcl) d.vcl();
        DirectorRegistry r = vcl.vdire;
        c.vclMtx.lock();
        Temperature temp = vcl.temp;
        boolean live = r.directors.remove(d);
        if (!live && r.setAside.remove(d)) {
            c.invariant("director " + d.cliName() + " retired while set aside: pr4205 unlinks it"
                    + " through the live list and corrupts both lists");
        }
        c.vclMtx.unlock();
        c.point(Points.RESIGN_BEFORE_RETIRE, vcl.name, d.name());
        retire(c, d, temp);
    }
}
