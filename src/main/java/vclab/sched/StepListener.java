package vclab.sched;

/** Receives every step a simulated thread performs, in order, for schedules and traces. */
public interface StepListener {
    /**
     * Called with the baton held, after the scheduler chose {@code thread} and before the step
     * takes effect.
     *
     * @param stepIndex number of steps performed before this one
     * @param choices how many threads were enabled when this step was chosen
     */
    void onStep(long stepIndex, SimThread thread, OpKind kind, Object object, int choices);
}
