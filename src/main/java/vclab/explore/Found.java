package vclab.explore;

/**
 * A failing schedule.
 *
 * @param failure what went wrong
 * @param schedule the deviations that reproduce it
 * @param switches the same deviations as switch points, for minimisation
 * @param order where the search met it: the run index of a walk, or the order of discovery
 */
record Found(Failure failure, Schedule schedule, java.util.List<SwitchPoint> switches,
        long order) {

    int preemptions() {
        return schedule.preemptions();
    }

    /** Returns true if this schedule is simpler: fewer preemptions, deviations, then steps. */
    boolean simplerThan(Found other) {
        if (preemptions() != other.preemptions()) {
            return preemptions() < other.preemptions();
        }
        int n = schedule.entries().size();
        int m = other.schedule.entries().size();
        if (n != m) {
            return n < m;
        }
        return schedule.steps() < other.schedule.steps();
    }

    static Found of(Failure failure, ExplorePolicy policy, String scenario, String strategy,
            long steps, long order) {
        Schedule s = new Schedule(scenario, strategy, policy.preemptions(), steps,
                Fingerprint.format(policy.fingerprint()), policy.deviations().entries());
        return new Found(failure, s, policy.deviations().switchPoints(), order);
    }
}
