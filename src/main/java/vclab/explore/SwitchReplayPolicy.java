package vclab.explore;

import java.util.List;
import vclab.sched.SimThread;

/**
 * Replays switch points leniently, for minimisation: a point applies when its {@code from}
 * thread is the default choice at its step number and a thread of the named one is enabled;
 * a point whose moment passed, or never comes, is skipped. The run's own deviations are
 * logged as usual, so the caller sees which points took effect.
 */
final class SwitchReplayPolicy extends ExplorePolicy {
    private List<SwitchPoint> points = List.of();
    private int next;

    void reset(List<SwitchPoint> switchPoints) {
        super.reset();
        this.points = switchPoints;
        this.next = 0;
    }

    @Override
    protected SimThread pick(int index, SimThread current, SimThread[] enabled, int count,
            SimThread defaultChoice) {
        while (next < points.size()) {
            SwitchPoint p = points.get(next);
            if (!defaultChoice.name().equals(p.from())) {
                return defaultChoice;
            }
            int at = threadSteps(defaultChoice);
            if (at < p.fromStep()) {
                return defaultChoice;
            }
            next++;
            if (at > p.fromStep()) {
                continue;
            }
            SimThread pick = find(p, enabled, count);
            return pick != null ? pick : defaultChoice;
        }
        return defaultChoice;
    }

    /** Returns the enabled thread the point names, preferring one at the recorded step. */
    private SimThread find(SwitchPoint p, SimThread[] enabled, int count) {
        SimThread named = null;
        for (int i = 0; i < count; i++) {
            SimThread t = enabled[i];
            if (t.name().equals(p.thread())) {
                if (threadSteps(t) == p.threadStep()) {
                    return t;
                }
                if (named == null) {
                    named = t;
                }
            }
        }
        return named;
    }
}
