package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import vclab.sched.OpKind;
import vclab.sched.SimThread;

/**
 * The deviations of the current run from the default policy, kept in reused slots so that a
 * run allocates nothing for them; turned into a {@link Schedule} only when a run is kept.
 */
final class DeviationLog {
    private static final class Slot {
        int choice;
        long step;
        String thread;
        OpKind kind;
        Object object;
        String vcl;
        String defaultThread;
        OpKind defaultKind;
        Object defaultObject;
        String defaultVcl;
        String defaultDetail;
        int threadStep;
        int defaultStep;
        boolean preemption;
    }

    private final ArrayList<Slot> slots = new ArrayList<>();
    private int size;

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void add(int choice, long step, SimThread pick, int pickSteps, SimThread def,
            int defaultSteps, boolean preemption) {
        if (size == slots.size()) {
            slots.add(new Slot());
        }
        Slot s = slots.get(size++);
        s.choice = choice;
        s.step = step;
        s.thread = pick.name();
        s.kind = pick.pendingKind();
        s.object = pick.pendingObject();
        s.vcl = pick.pendingVcl();
        s.defaultThread = def.name();
        s.defaultKind = def.pendingKind();
        s.defaultObject = def.pendingObject();
        s.defaultVcl = def.pendingVcl();
        s.defaultDetail = def.pendingDetail();
        s.threadStep = pickSteps;
        s.defaultStep = defaultSteps;
        s.preemption = preemption;
    }

    /** Returns the deviations as switch points, which survive changes elsewhere in the run. */
    List<SwitchPoint> switchPoints() {
        List<SwitchPoint> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Slot s = slots.get(i);
            out.add(new SwitchPoint(s.thread, s.threadStep, s.defaultThread, s.defaultStep));
        }
        return out;
    }

    /** Returns the deviations as schedule entries, each with a note on what it displaced. */
    List<Schedule.Entry> entries() {
        List<Schedule.Entry> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Slot s = slots.get(i);
            String note = (s.preemption ? "preempts " : "instead of ") + s.defaultThread
                    + " at " + Steps.describe(s.defaultKind, s.defaultObject, s.defaultVcl,
                            s.defaultDetail);
            out.add(new Schedule.Entry(s.choice, s.step, s.thread, s.kind,
                    Dependency.objectName(s.object), s.vcl, note));
        }
        return out;
    }
}
