package vclab.explore;

import vclab.sched.OpKind;
import vclab.sched.SimThread;

/**
 * The policy of a stateless depth-first search with a preemption bound and sleep sets. Each
 * run replays the path of frames down to the newest branch, then follows the default
 * policy, avoiding sleeping threads, and pushes a frame at each new decision. After the run,
 * {@link #backtrack} moves the path to the next unexplored branch.
 *
 * <p>NOTE: a sleep set stands for a sibling subtree that was explored before, but under a
 * bound that subtree was cut. A schedule within the bound can then be skipped because its
 * equivalents all need more preemptions than the bound allows. Without the reduction the
 * bounded search is exhaustive.
 */
final class DfsPolicy extends ExplorePolicy {
    private final int bound;
    private final int deviationBound;
    private final boolean reduce;
    private Frame[] frames = new Frame[64];
    private int size;
    private int base;
    private int depth;
    private boolean pruned;
    /** The sleep set of the current state: thread ids and the steps they announced. */
    private final ThreadSet sleeping = new ThreadSet();
    private int[] sleepCategories = new int[16];
    private String[] sleepKeys = new String[16];
    private final long[] prunedCount = new long[1];

    /**
     * @param bound maximum preemptions per schedule
     * @param deviationBound maximum deviations from the default policy, or -1 for none
     * @param reduce use sleep sets
     */
    DfsPolicy(int bound, int deviationBound, boolean reduce) {
        this.bound = bound;
        this.deviationBound = deviationBound;
        this.reduce = reduce;
    }

    /** Starts on a work item: its path becomes a fixed prefix that is never backtracked. */
    void start(WorkItem item) {
        size = 0;
        for (int i = 0; i < item.path().length; i++) {
            Frame f = push();
            f.forcedId = item.path()[i];
            f.forcedSleep = i == item.path().length - 1 ? item.sleeping() : null;
        }
        base = size;
    }

    @Override
    void reset() {
        super.reset();
        depth = 0;
        pruned = false;
        sleeping.clear();
    }

    /** Returns true if the last run was cut short because it could only repeat others. */
    boolean pruned() {
        return pruned;
    }

    /** Returns the branches skipped as asleep since the last call, and resets the count. */
    long takePrunedCount() {
        long n = prunedCount[0];
        prunedCount[0] = 0;
        return n;
    }

    @Override
    protected SimThread pick(int index, SimThread current, SimThread[] enabled, int count,
            SimThread defaultChoice) {
        long step = scheduler().steps();
        if (depth < size) {
            return replay(frames[depth++], step, current, enabled, count, defaultChoice);
        }
        Frame f = push();
        f.fill(step, current, enabled, count, defaultChoice);
        f.preemptionsBefore = preemptions();
        f.deviationsBefore = deviations().size();
        if (reduce) {
            for (int i = 0; i < count; i++) {
                if (sleeping.contains(f.ids[i])) {
                    f.sleep.add(i);
                }
            }
        }
        int i = f.defaultIndex;
        if (f.sleep.contains(i)) {
            i = awakeAlternative(f);
        }
        if (i < 0) {
            size--;
            pruned = true;
            end("pruned: every enabled thread within the bound is asleep");
            return null;
        }
        f.chosen = i;
        f.done.add(i);
        depth++;
        return enabled[i];
    }

    private int awakeAlternative(Frame f) {
        for (int i = 0; i < f.count; i++) {
            if (!f.sleep.contains(i) && f.fits(i, bound, deviationBound)) {
                return i;
            }
        }
        return -1;
    }

    private SimThread replay(Frame f, long step, SimThread current, SimThread[] enabled,
            int count, SimThread defaultChoice) {
        if (f.forcedId >= 0) {
            int forced = f.forcedId;
            int[] forcedSleep = f.forcedSleep;
            f.fill(step, current, enabled, count, defaultChoice);
            f.preemptionsBefore = preemptions();
            f.deviationsBefore = deviations().size();
            f.chosen = f.indexOf(forced);
            if (f.chosen < 0) {
                diverge("nondeterminism: at step " + step + " thread #" + forced
                        + " is not enabled as it was before; enabled: "
                        + describeEnabled(enabled, count));
                return null;
            }
            f.done.add(f.chosen);
            if (forcedSleep != null) {
                for (int id : forcedSleep) {
                    int j = f.indexOf(id);
                    if (j >= 0) {
                        f.sleep.add(j);
                    }
                }
            }
        } else if (!f.matches(step, enabled, count)) {
            diverge("nondeterminism: at step " + step + " the enabled threads differ from an"
                    + " earlier run of the same path: " + describeEnabled(enabled, count));
            return null;
        }
        if (depth == size && reduce) {
            enterBranch(f);
        }
        return enabled[f.chosen];
    }

    /** Fills the sleep set of the newest branch: earlier siblings and sleepers that commute. */
    private void enterBranch(Frame f) {
        for (int i = 0; i < f.count; i++) {
            if (i == f.chosen || !(f.done.contains(i) || f.sleep.contains(i))) {
                continue;
            }
            if (!f.dependent(i, f.chosen)) {
                addSleeper(f.ids[i], f.categories[i], f.keys[i]);
            }
        }
    }

    private void addSleeper(int id, int category, String key) {
        if (id >= sleepKeys.length) {
            int n = Math.max(id + 1, sleepKeys.length * 2);
            sleepCategories = java.util.Arrays.copyOf(sleepCategories, n);
            sleepKeys = java.util.Arrays.copyOf(sleepKeys, n);
        }
        sleeping.add(id);
        sleepCategories[id] = category;
        sleepKeys[id] = key;
    }

    @Override
    protected void stepped(SimThread thread, OpKind kind, Object object, String vcl) {
        if (!reduce || sleeping.isEmpty() || endReason() != null) {
            return;
        }
        if (sleeping.contains(thread.id())) {
            pruned = true;
            end("pruned: a sleeping thread is the only one that can run");
            return;
        }
        int category = Dependency.category(kind, object, vcl);
        String key = Dependency.key(category, object, vcl);
        for (int id = sleeping.next(0); id >= 0; id = sleeping.next(id + 1)) {
            if (Dependency.dependent(sleepCategories[id], sleepKeys[id], category, key)) {
                sleeping.remove(id);
            }
        }
    }

    /** Moves the path to the next unexplored branch; returns false when the subtree is done. */
    boolean backtrack() {
        while (size > base) {
            Frame f = frames[size - 1];
            int i = f.takeAlternative(bound, deviationBound, reduce, prunedCount);
            if (i >= 0) {
                f.chosen = i;
                return true;
            }
            f.release();
            size--;
        }
        return false;
    }

    /**
     * Splits off the unexplored branch nearest the root for another worker, marking it
     * explored here, or returns null if there is none.
     */
    WorkItem donate() {
        for (int d = base; d < size; d++) {
            Frame f = frames[d];
            int i = f.takeAlternative(bound, deviationBound, reduce, prunedCount);
            if (i < 0) {
                continue;
            }
            int[] path = new int[d + 1];
            for (int k = 0; k < d; k++) {
                path[k] = frames[k].ids[frames[k].chosen];
            }
            path[d] = f.ids[i];
            ThreadSet asleep = new ThreadSet();
            for (int j = 0; j < f.count; j++) {
                if (j != i && (f.done.contains(j) || f.sleep.contains(j))) {
                    asleep.add(f.ids[j]);
                }
            }
            return new WorkItem(path, asleep.toArray());
        }
        return null;
    }

    private Frame push() {
        if (size == frames.length) {
            frames = java.util.Arrays.copyOf(frames, size * 2);
        }
        Frame f = frames[size];
        if (f == null) {
            f = new Frame();
            frames[size] = f;
        }
        size++;
        return f;
    }
}
