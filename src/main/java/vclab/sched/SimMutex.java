package vclab.sched;

/**
 * A mutex owned by the scheduler, in place of a JDK lock, so that every acquisition is a
 * scheduling decision that can be recorded and replayed. Not reentrant, like a default
 * pthread mutex.
 */
public final class SimMutex {
    final Scheduler scheduler;
    final String name;
    final int id;
    SimThread owner;

    SimMutex(Scheduler scheduler, String name, int id) {
        this.scheduler = scheduler;
        this.name = name;
        this.id = id;
    }

    public String name() {
        return name;
    }

    /** Acquires the mutex, blocking the calling simulated thread while another one holds it. */
    public void lock() {
        scheduler.lock(this);
    }

    /** Acquires the mutex if it is free; never blocks. */
    public boolean tryLock() {
        return scheduler.tryLock(this);
    }

    /** Releases the mutex; the caller must hold it. */
    public void unlock() {
        scheduler.unlock(this);
    }

    /** Returns true if the calling simulated thread holds this mutex. */
    public boolean isHeldByCurrentThread() {
        return owner != null && owner == scheduler.running;
    }

    public SimThread owner() {
        return owner;
    }

    @Override
    public String toString() {
        return name;
    }
}
