package vclab.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vclab.sched.OpKind;
import vclab.sched.SimThread;
import vclab.sched.StepListener;
import vclab.vcl.Trace;

/**
 * Records every step and start of one run, and the model's trace events with the step they
 * follow, so that {@link Story} can tell the run. Used for one replay of a failing schedule.
 */
final class StoryRecorder implements StepListener, Consumer<Trace.Event> {
    /** One step (or start) of the run. */
    record StepRecord(long index, String thread, OpKind kind, String object, String vcl,
            String detail, long nanos) {

        String describe() {
            if (kind == OpKind.POINT) {
                StringBuilder sb = new StringBuilder(object);
                if (vcl != null) {
                    sb.append(' ').append(vcl);
                }
                if (detail != null) {
                    sb.append(' ').append(detail);
                }
                return sb.toString();
            }
            return kind == OpKind.START ? "START" : kind.name() + " " + object;
        }
    }

    /** A trace event and how many step records came before it. */
    record EventRecord(int afterRecords, Trace.Event event) {
    }

    private final List<StepRecord> steps = new ArrayList<>();
    private final List<EventRecord> events = new ArrayList<>();

    @Override
    public void onStep(long stepIndex, SimThread thread, OpKind kind, Object object,
            int choices) {
        steps.add(new StepRecord(stepIndex, thread.name(), kind,
                Dependency.objectName(object), thread.pendingVcl(), thread.pendingDetail(),
                thread.scheduler().now()));
    }

    @Override
    public void onStart(long stepIndex, SimThread thread, int choices) {
        steps.add(new StepRecord(stepIndex, thread.name(), OpKind.START, "-", null, null,
                thread.scheduler().now()));
    }

    @Override
    public void accept(Trace.Event event) {
        events.add(new EventRecord(steps.size(), event));
    }

    List<StepRecord> steps() {
        return steps;
    }

    List<EventRecord> events() {
        return events;
    }
}
