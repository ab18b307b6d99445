package vclab.sched;

/**
 * Chooses which enabled simulated thread performs the next step. The scheduler consults a
 * policy at every step where more than one thread is enabled.
 */
public interface Policy {
    /**
     * Returns one of {@code enabled[0..count)}, which are sorted by thread id.
     *
     * @param current the thread that announced the step, which may or may not be enabled
     * @param defaultChoice what the default policy would pick
     */
    SimThread choose(Scheduler scheduler, SimThread current, SimThread[] enabled, int count,
            SimThread defaultChoice);
}
