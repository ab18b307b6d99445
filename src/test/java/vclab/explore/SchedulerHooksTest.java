package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.sched.OpKind;
import vclab.sched.Point;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.sched.SimThread;
import vclab.sched.StepListener;

/** The scheduler hooks the explorer relies on, through the scheduler's public API. */
class SchedulerHooksTest {
    private static final Point STEP = new Point("test.step", "a step of a test thread");

    private static final class Recorder implements StepListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onStep(long stepIndex, SimThread thread, OpKind kind, Object object,
                int choices) {
            seen.add(stepIndex + " " + thread.name() + " " + kind + " " + thread.pendingVcl()
                    + " " + thread.pendingDetail());
        }

        @Override
        public void onStart(long stepIndex, SimThread thread, int choices) {
            seen.add(stepIndex + " " + thread.name() + " START");
        }
    }

    @Test
    void listenersFromOptionsSeeStartsAndPointDetails() {
        Recorder r = new Recorder();
        Scheduler.Options o = new Scheduler.Options();
        o.listeners.add(r);
        Scheduler s = new Scheduler(o);
        s.run("main", () -> {
            SimThread b = s.spawn("b", null, () -> s.point(STEP, "vcl2", "WARM"));
            s.join(b);
        });
        assertEquals(List.of("0 main START", "0 b START", "0 b POINT vcl2 WARM",
                "1 main JOIN null null"), r.seen);
    }

    @Test
    void endOnLivelockEndsTheRunNamingTheThread() {
        Scheduler.Options o = new Scheduler.Options();
        o.spinLimit = 100;
        o.endOnLivelock = true;
        Scheduler s = new Scheduler(o);
        SimResult r = s.run("main", () -> {
            while (true) {
                s.point(STEP, null, null);
            }
        });
        assertEquals(SimResult.Outcome.LIVELOCK, r.outcome());
        assertTrue(r.report().get(0).startsWith("main took 100 steps"), r.report().toString());
    }

    @Test
    void pendingVclIsClearedAfterThePoint() {
        Scheduler s = new Scheduler(new Scheduler.Options());
        String[] after = {"unset"};
        s.run("main", () -> {
            s.point(STEP, "vcl1", "COLD");
            after[0] = s.currentThread().pendingVcl();
        });
        assertEquals(null, after[0]);
    }
}
