package vclab.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a failing schedule simpler while the failure keeps its kind. It first looks for
 * fewer preemptions, with bounded searches below the schedule's count (skipped when the
 * search already went bound by bound). It then looks for fewer deviations, with searches
 * that also bound the deviations, then by dropping one at a time. Last it moves each switch
 * point a few steps earlier or later, for fewer steps.
 *
 * <p>Every candidate is run, and the deviations it really took become the new schedule. The
 * searches share one budget of runs, so a large scenario may keep a schedule that is simpler
 * than the one found but not minimal.
 */
final class Minimizer {
    private static final int MAX_SHIFT = 8;

    private final RunDriver driver;
    private final ExploreOptions options;
    private final SwitchReplayPolicy replay = new SwitchReplayPolicy();
    private long budget;
    private long runs;

    Minimizer(RunDriver driver, ExploreOptions options) {
        this.driver = driver;
        this.options = options;
        this.budget = options.minimizeBudget;
    }

    /** Runs spent so far. */
    long runs() {
        return runs;
    }

    Found minimize(Found found) {
        Found best = found;
        boolean boundMinimal = options.strategy == ExploreOptions.Strategy.DFS
                && options.iterativeBound;
        if (!boundMinimal) {
            best = fewerPreemptions(best);
        }
        best = fewerDeviations(best);
        best = dropDeviations(best);
        return shiftDeviations(best);
    }

    private Found fewerPreemptions(Found found) {
        for (int b = 0; b < found.preemptions() && budget > 0; b++) {
            Found f = search(found, b, -1);
            if (f != null) {
                return f;
            }
        }
        return found;
    }

    private Found fewerDeviations(Found found) {
        int n = found.schedule().entries().size();
        for (int d = 0; d < n && budget > 0; d++) {
            Found f = search(found, found.preemptions(), d);
            if (f != null) {
                return f;
            }
        }
        return found;
    }

    /** Searches for a failure of the same kind within the bounds; null if none was found. */
    private Found search(Found found, int bound, int deviationBound) {
        ExploreOptions o = new ExploreOptions();
        o.strategy = ExploreOptions.Strategy.DFS;
        o.bound = bound;
        o.iterativeBound = false;
        o.partialOrderReduction = options.partialOrderReduction;
        o.maxSchedules = budget;
        o.workers = options.workers;
        SearchState s = new SearchState(o, found.failure().kind());
        new DfsSearch(driver, o, s, bound, deviationBound).run();
        runs += s.runs.sum();
        budget -= s.runs.sum();
        Found f = s.found();
        if (f == null) {
            return null;
        }
        Schedule sc = f.schedule();
        Schedule renamed = new Schedule(sc.scenario(), minimised(found.schedule().strategy()),
                sc.preemptions(), sc.steps(), sc.fingerprint(), sc.entries());
        return new Found(f.failure(), renamed, f.switches(), found.order());
    }

    private Found dropDeviations(Found found) {
        Found best = found;
        boolean improved = true;
        while (improved && budget > 0) {
            improved = false;
            List<SwitchPoint> points = best.switches();
            for (int i = points.size() - 1; i >= 0 && budget > 0; i--) {
                List<SwitchPoint> candidate = new ArrayList<>(points);
                candidate.remove(i);
                Found c = attempt(candidate, best);
                if (c != null) {
                    best = c;
                    improved = true;
                    break;
                }
            }
        }
        return best;
    }

    private Found shiftDeviations(Found found) {
        Found best = found;
        for (int i = 0; i < best.switches().size() && budget > 0; i++) {
            for (int direction : new int[] {-1, 1}) {
                for (int d = 1; d <= MAX_SHIFT && budget > 0; d++) {
                    List<SwitchPoint> candidate = new ArrayList<>(best.switches());
                    if (i >= candidate.size()) {
                        return best;
                    }
                    SwitchPoint moved = candidate.get(i).shifted(direction * d);
                    if (moved.fromStep() < 0) {
                        break;
                    }
                    candidate.set(i, moved);
                    Found c = attempt(candidate, best);
                    if (c != null) {
                        best = c;
                    }
                }
            }
        }
        return best;
    }

    private static String minimised(String strategy) {
        return strategy.endsWith(", minimised") ? strategy : strategy + ", minimised";
    }

    /** Runs the candidate; returns it if it fails the same way and is simpler, else null. */
    private Found attempt(List<SwitchPoint> points, Found best) {
        budget--;
        runs++;
        replay.reset(points);
        RunDriver.Result r = driver.run(replay);
        if (r.ended() || !best.failure().sameKind(r.failure())) {
            return null;
        }
        Found c = Found.of(r.failure(), replay, driver.scenario().name(),
                minimised(best.schedule().strategy()), r.steps(), best.order());
        return c.simplerThan(best) ? c : null;
    }
}
