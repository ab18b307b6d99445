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

    /**
     * Called with the baton held when {@code thread} is chosen to run for the first time,
     * before its body starts. Starting is a scheduling decision but not a counted step, so
     * {@link #onStep} does not see it. Not called for a thread killed before it started.
     *
     * @param stepIndex number of steps performed so far
     * @param choices how many threads were enabled when the thread was chosen
     */
    default void onStart(long stepIndex, SimThread thread, int choices) {
    }
}
