package vclab.model;

import vclab.vcl.Child;
import vclab.vcl.Points;
import vclab.vcl.Temperature;
import vclab.vcl.Vcl;
import vclab.vrt.Director;
import vclab.vrt.ReleaseFacts;
import vclab.vrt.VclEvent;

/**
 * Varnish 7.7: the director registry ("vdire") of 8.0 without its checkpoint. Walks are
 * iterations without {@code vcl_mtx} that follow the live list, so a director added during
 * a warm-up's walk is visited too, and retirements during a walk are deferred to its end.
 * The double WARM of issue 4199 is still present, with a wider window.
 */
public class V77 extends V80 {
    static final ReleaseFacts RELEASE = new ReleaseFacts("7.7.0",
            "bb7a918611ee85d17aefd07115fb8c66015151b5", "21.0", true, 709, 718, 770, 0, 252,
            150, "(vdir)->magic == 0xbf726c7d", 385, 0L);

    @Override
    public String id() {
        return "v7.7";
    }

    @Override
    public String description() {
        return "Varnish 7.7: vdire iterations without vcl_mtx, no checkpoint; 4199 present";
    }

    @Override
    public ReleaseFacts release() {
        return RELEASE;
    }

    @Override
    public int warmUp(Child c, Vcl vcl, StringBuilder msg) {
        c.point(Points.WARM_BEFORE_LOCK, vcl.name, null);
        c.vclMtx.lock();
        setTemp(c, vcl, Temperature.WARM);
        c.vclMtx.unlock();
        c.point(Points.WARM_AFTER_TEMP, vcl.name, null);
        int i = sendEvent(c, vcl, VclEvent.WARM, msg);
        if (i == 0) {
            c.point(Points.BASE_BEFORE, vcl.name, "WARM");
            backendEvent(c, vcl, VclEvent.WARM);
            return 0;
        }
        sendEvent(c, vcl, VclEvent.COLD, null);
        c.point(Points.WARM_FAIL_AFTER_COLD, vcl.name, null);
        setTemp(c, vcl, Temperature.COLD);
        return -1;
    }

    @Override
    public void coolDown(Child c, Vcl vcl) {
        c.vclMtx.lock();
        setTemp(c, vcl, vcl.refs.isEmpty() ? Temperature.COLD : Temperature.COOLING);
        c.vclMtx.unlock();
        c.point(Points.COLD_AFTER_TEMP, vcl.name, null);
        backendEvent(c, vcl, VclEvent.COLD);
        c.point(Points.COLD_BEFORE_VMOD_COLD, vcl.name, null);
        sendEvent(c, vcl, VclEvent.COLD, null);
    }

    /** vcl_BackendEvent of 7.7: an iteration over the live list, oldest first. */
    private void backendEvent(Child c, Vcl vcl, VclEvent e) {
        startIter(c, vcl);
        try {
            java.util.List<Director> list = vcl.vdire.directors;
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    c.point(Points.BASE_BETWEEN, vcl.name, e.name());
                }
                c.deliver(list.get(i), e);
            }
        } finally {
            endIter(c, vcl);
        }
    }
}
