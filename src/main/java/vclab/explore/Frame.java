package vclab.explore;

import java.util.Arrays;
import vclab.sched.OpKind;
import vclab.sched.SimThread;

/**
 * One scheduling decision on the current path of a depth-first search: the enabled threads
 * and their announced steps, which one the path takes, which were explored already and which
 * were asleep. Frames are reused across runs.
 */
final class Frame {
    long step;
    int count;
    /** Index of the announcing thread when it is enabled, else -1: choosing another preempts. */
    int current;
    int defaultIndex;
    int chosen;
    int preemptionsBefore;
    int deviationsBefore;
    int[] ids = new int[4];
    int[] categories = new int[4];
    String[] keys = new String[4];
    OpKind[] kinds = new OpKind[4];
    /** Indices already explored (including {@link #chosen}). */
    final ThreadSet done = new ThreadSet();
    /** Indices asleep when the frame was reached. */
    final ThreadSet sleep = new ThreadSet();
    /** For a frame handed over in a work item: the thread id to take, or -1. */
    int forcedId = -1;
    /** For the last frame of a work item: thread ids asleep on its branch. */
    int[] forcedSleep;

    void fill(long stepIndex, SimThread announcer, SimThread[] enabled, int n,
            SimThread defaultChoice) {
        if (ids.length < n) {
            int size = Math.max(n, ids.length * 2);
            ids = new int[size];
            categories = new int[size];
            keys = new String[size];
            kinds = new OpKind[size];
        }
        step = stepIndex;
        count = n;
        current = -1;
        defaultIndex = 0;
        for (int i = 0; i < n; i++) {
            SimThread t = enabled[i];
            ids[i] = t.id();
            kinds[i] = t.pendingKind();
            String vcl = t.pendingVcl();
            int category = Dependency.category(t.pendingKind(), t.pendingObject(), vcl);
            categories[i] = category;
            keys[i] = Dependency.key(category, t.pendingObject(), vcl);
            if (t == announcer) {
                current = i;
            }
            if (t == defaultChoice) {
                defaultIndex = i;
            }
        }
        done.clear();
        sleep.clear();
        forcedId = -1;
        forcedSleep = null;
    }

    /** Returns true if a replay reached this decision with the same enabled steps. */
    boolean matches(long stepIndex, SimThread[] enabled, int n) {
        if (stepIndex != step || n != count) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (enabled[i].id() != ids[i] || enabled[i].pendingKind() != kinds[i]) {
                return false;
            }
        }
        return true;
    }

    int indexOf(int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** Returns 1 if taking index {@code i} preempts the announcing thread, else 0. */
    int cost(int i) {
        return current >= 0 && i != current ? 1 : 0;
    }

    /**
     * Returns true if taking index {@code i} stays within {@code bound} preemptions and,
     * unless {@code deviationBound} is negative, within that many deviations from the
     * default.
     */
    boolean fits(int i, int bound, int deviationBound) {
        if (preemptionsBefore + cost(i) > bound) {
            return false;
        }
        return deviationBound < 0 || deviationsBefore + (i == defaultIndex ? 0 : 1)
                <= deviationBound;
    }

    boolean dependent(int i, int j) {
        return Dependency.dependent(categories[i], keys[i], categories[j], keys[j]);
    }

    /**
     * Returns the next unexplored index within the bounds (see {@link #fits}) and marks it
     * explored, or -1. Sleeping indices are skipped (and marked) when {@code reduce} is set.
     *
     * @param pruned receives one count per sleeping index skipped
     */
    int takeAlternative(int bound, int deviationBound, boolean reduce, long[] pruned) {
        for (int i = 0; i < count; i++) {
            if (done.contains(i) || !fits(i, bound, deviationBound)) {
                continue;
            }
            done.add(i);
            if (reduce && sleep.contains(i)) {
                pruned[0]++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** Clears references to strings of finished runs. */
    void release() {
        Arrays.fill(keys, null);
    }
}
