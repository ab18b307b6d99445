package vclab.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A thread of the simulated system. It runs on a Java thread of its own (virtual where the
 * JDK has them), but only the thread holding the scheduler's baton runs; every other one is
 * parked at its announced next step.
 */
public final class SimThread {
    enum State { NEW, ALIVE, DONE }

    final Scheduler scheduler;
    final int id;
    final String name;
    final Object group;
    final Runnable body;
    State state = State.NEW;

    // The announced next step and what it needs in order to be enabled.
    OpKind pendingKind = OpKind.START;
    Object pendingObj;
    long pendingDeadline = -1;
    BooleanSupplier pendingCondition;
    // The VCL and detail of the announced step when it is a named injection point.
    String pointVcl;
    String pointDetail;
    boolean signalled;
    boolean timedOut;
    boolean externalDone;
    volatile boolean killed;
    boolean livelocked;

    long readySeq;
    long stepsAtInstant;
    final List<SimMutex> held = new ArrayList<>(2);
    Object takeResult;
    String where = "start";
    Thread.UncaughtExceptionHandler onUncaught;

    // Baton hand-off between carriers.
    volatile boolean go;
    volatile Thread carrier;

    SimThread(Scheduler scheduler, int id, String name, Object group, Runnable body) {
        this.scheduler = scheduler;
        this.id = id;
        this.name = name;
        this.group = group;
        this.body = body;
    }

    /** The scheduler that runs this thread. */
    public Scheduler scheduler() {
        return scheduler;
    }

    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The owner tag given at spawn time, for example the simulated process. */
    public Object group() {
        return group;
    }

    public boolean isDone() {
        return state == State.DONE;
    }

    /** The step this thread announced and waits to perform. */
    public OpKind pendingKind() {
        return pendingKind;
    }

    /** The object of the announced step: a mutex, condition, queue, point, or null. */
    public Object pendingObject() {
        return pendingObj;
    }

    /** The VCL named by the announced injection point, or null (no VCL, or not a point). */
    public String pendingVcl() {
        return pointVcl;
    }

    /** The detail (event, director) of the announced injection point, or null. */
    public String pendingDetail() {
        return pointDetail;
    }

    /** Where the thread is: its last injection point or operation. */
    public String where() {
        return where;
    }

    public boolean isKilled() {
        return killed;
    }

    /** Sets the handler run, with the baton held, when the body throws. */
    public void setUncaughtHandler(Thread.UncaughtExceptionHandler handler) {
        this.onUncaught = handler;
    }

    /** Describes the thread's state for deadlock and livelock reports. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(": ");
        if (state == State.DONE) {
            return sb.append("exited").toString();
        }
        sb.append(describePending());
        if (!held.isEmpty()) {
            sb.append(", holds ");
            for (int i = 0; i < held.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(held.get(i).name);
            }
        }
        sb.append(", at ").append(where);
        return sb.toString();
    }

    String describePending() {
        switch (pendingKind) {
            case LOCK:
                SimMutex m = (SimMutex) pendingObj;
                return "waits for " + m.name
                        + (m.owner != null ? " (held by " + m.owner.name + ")" : "");
            case WAIT:
                return "waits on " + pendingObj
                        + (pendingDeadline >= 0 ? " until " + Scheduler.formatNanos(pendingDeadline)
                                : "");
            case SLEEP:
                return "sleeps until " + Scheduler.formatNanos(pendingDeadline);
            case TAKE:
                return "waits for an item of " + pendingObj;
            case JOIN:
                return "waits for thread " + ((SimThread) pendingObj).name + " to exit";
            case EXTERNAL:
                return "waits for " + pendingObj;
            default:
                return "runnable (" + pendingKind.name().toLowerCase() + ")";
        }
    }

    void awaitBaton() {
        while (!go) {
            LockSupport.park(this);
        }
        go = false;
    }

    @Override
    public String toString() {
        return name;
    }
}
