package vclab.sched;

import java.util.ArrayDeque;

/**
 * A FIFO queue between simulated threads. Real threads add to it through
 * {@link Scheduler#submitExternal(Runnable)}, which runs the addition inside the simulation.
 */
public final class SimQueue<T> {
    final Scheduler scheduler;
    final String name;
    final int id;
    final ArrayDeque<T> items = new ArrayDeque<>();

    SimQueue(Scheduler scheduler, String name, int id) {
        this.scheduler = scheduler;
        this.name = name;
        this.id = id;
    }

    public String name() {
        return name;
    }

    /** Appends an item; called by a simulated thread or by an external event. */
    public void put(T item) {
        scheduler.put(this, item);
    }

    /** Removes the oldest item, blocking while the queue is empty. */
    public T take() {
        return scheduler.take(this, -1);
    }

    /**
     * Removes the oldest item, blocking at most {@code timeoutNanos} of virtual time.
     *
     * @return the item, or null on timeout
     */
    public T poll(long timeoutNanos) {
        return scheduler.take(this, timeoutNanos);
    }

    public int size() {
        return items.size();
    }

    @Override
    public String toString() {
        return name;
    }
}
