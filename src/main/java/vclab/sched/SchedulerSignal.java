package vclab.sched;

/**
 * Marks an exception that the scheduler or its policy raises inside a simulated thread to
 * stop the run (an uncontrolled step, a replay that left its schedule). Model code that
 * catches exceptions to survive its own defects must let these pass.
 */
public interface SchedulerSignal {
}
