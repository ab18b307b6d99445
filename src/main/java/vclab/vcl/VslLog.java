package vclab.vcl;

import java.util.ArrayList;
import java.util.List;
import vclab.sched.Scheduler;
import vclab.sched.SimQueue;

/**
 * The simulated shared-memory log of one varnishd. Writers append records; each subscriber
 * (a logexpect, a trace writer) gets its own queue of the records written after it
 * subscribed. Writing never blocks and is not a scheduling point.
 */
public final class VslLog {
    private final Scheduler scheduler;
    private final List<SimQueue<VslRecord>> subscribers = new ArrayList<>();
    private final List<VslRecord> retained = new ArrayList<>();
    private final int retainMax;
    private final List<java.util.function.Consumer<VslRecord>> listeners = new ArrayList<>();

    /**
     * @param retainMax how many of the newest records to keep for subscribers that ask for
     *     history ({@code logexpect -d 1}); 0 keeps none
     */
    public VslLog(Scheduler scheduler, int retainMax) {
        this.scheduler = scheduler;
        this.retainMax = retainMax;
    }

    /** Appends a record written by the running simulated thread. */
    public void write(long vxid, String tag, char type, String payload) {
        String thread = scheduler.currentThread() == null ? "main"
                : scheduler.currentThread().name();
        VslRecord r = new VslRecord(vxid, tag, type, payload, scheduler.now(), thread);
        if (retainMax > 0) {
            if (retained.size() >= retainMax) {
                retained.remove(0);
            }
            retained.add(r);
        }
        for (SimQueue<VslRecord> q : subscribers) {
            scheduler.putInternal(q, r);
        }
        for (java.util.function.Consumer<VslRecord> l : listeners) {
            l.accept(r);
        }
    }

    /** Calls {@code listener} with every record written from now on, as it is written. */
    public void addListener(java.util.function.Consumer<VslRecord> listener) {
        listeners.add(listener);
    }

    /**
     * Subscribes to records written from now on.
     *
     * @param withHistory also deliver the retained older records first
     */
    public SimQueue<VslRecord> subscribe(String name, boolean withHistory) {
        SimQueue<VslRecord> q = scheduler.newQueue(name);
        if (withHistory) {
            for (VslRecord r : retained) {
                scheduler.putInternal(q, r);
            }
        }
        subscribers.add(q);
        return q;
    }

    public void unsubscribe(SimQueue<VslRecord> queue) {
        subscribers.remove(queue);
    }
}
