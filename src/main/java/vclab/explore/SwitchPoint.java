package vclab.explore;

/**
 * A deviation located by the threads' own progress instead of a global decision number:
 * where {@code from} was about to take its step number {@code fromStep}, run
 * {@code thread}, which is about to take its step number {@code threadStep}. Unlike a
 * decision number, this stays meaningful when another deviation is dropped or moved.
 */
record SwitchPoint(String thread, int threadStep, String from, int fromStep) {

    SwitchPoint shifted(int delta) {
        return new SwitchPoint(thread, threadStep, from, fromStep + delta);
    }
}
