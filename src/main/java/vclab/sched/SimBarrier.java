package vclab.sched;

/**
 * A cyclic barrier for simulated threads: the call that makes {@code parties} arrivals
 * releases every waiting thread, and the barrier starts over.
 */
public final class SimBarrier {
    private final Scheduler scheduler;
    private final String name;
    private final int parties;
    private int arrived;
    private long generation;

    public SimBarrier(Scheduler scheduler, String name, int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("barrier " + name + " needs at least one party");
        }
        this.scheduler = scheduler;
        this.name = name;
        this.parties = parties;
    }

    public String name() {
        return name;
    }

    public int parties() {
        return parties;
    }

    /** Number of threads waiting right now. */
    public int waiting() {
        return arrived;
    }

    /** Arrives at the barrier and waits until {@code parties} threads have arrived. */
    public void sync() {
        long myGeneration = generation;
        if (++arrived >= parties) {
            arrived = 0;
            generation++;
            scheduler.point(SYNC_POINT, null, name);
            return;
        }
        scheduler.blockUntil(() -> generation != myGeneration, "barrier " + name);
    }

    private static final Point SYNC_POINT = new Point("barrier.open", "a barrier opened");
}
