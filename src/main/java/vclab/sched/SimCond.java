package vclab.sched;

import java.util.ArrayDeque;

/** A condition variable owned by the scheduler, used together with a {@link SimMutex}. */
public final class SimCond {
    final Scheduler scheduler;
    final String name;
    final int id;
    final ArrayDeque<SimThread> waiters = new ArrayDeque<>();

    SimCond(Scheduler scheduler, String name, int id) {
        this.scheduler = scheduler;
        this.name = name;
        this.id = id;
    }

    public String name() {
        return name;
    }

    /** Releases {@code mutex}, waits for a signal, then re-acquires {@code mutex}. */
    public void await(SimMutex mutex) {
        scheduler.await(this, mutex, -1);
    }

    /**
     * Like {@link #await(SimMutex)} but gives up after {@code timeoutNanos} of virtual time.
     *
     * @return false if the wait timed out
     */
    public boolean await(SimMutex mutex, long timeoutNanos) {
        return scheduler.await(this, mutex, timeoutNanos);
    }

    /** Wakes the longest-waiting thread, if any. */
    public void signal() {
        scheduler.signal(this, false);
    }

    /** Wakes every waiting thread. */
    public void broadcast() {
        scheduler.signal(this, true);
    }

    @Override
    public String toString() {
        return name;
    }
}
