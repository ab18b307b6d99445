package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts the schedules of two threads against the known formulas. The main thread takes m
 * steps after starting thread b, and b takes n steps, its start included. Both are enabled
 * throughout, and the main thread's final join runs last.
 */
class DfsCompletenessTest {
    private static final int UNBOUNDED = 1000;

    private static ExploreReport explore(Scenario s, int bound, boolean reduce, int workers) {
        ExploreOptions o = new ExploreOptions();
        o.bound = bound;
        o.iterativeBound = false;
        o.partialOrderReduction = reduce;
        o.workers = workers;
        return new Explorer(s, o).explore();
    }

    /** C(n, k), and 0 outside 0 <= k <= n. */
    private static long choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /**
     * Returns the number of interleavings with at most c preemptions. With the main thread's
     * start prepended, an interleaving is a sequence of r alternating blocks that starts
     * with the main thread. Every switch but the last preempts, so it has r - 2 preemptions.
     * The main thread's m + 1 steps fill ceil(r/2) blocks and b's n steps floor(r/2).
     */
    private static long bounded(int m, int n, int c) {
        long total = 0;
        for (int r = 2; r <= c + 2; r++) {
            total += choose(m, (r + 1) / 2 - 1) * choose(n - 1, r / 2 - 1);
        }
        return total;
    }

    @ParameterizedTest(name = "m={0} n={1} bound={2} workers={3}")
    @CsvSource({"1,1,0,1", "2,2,1,1", "3,3,2,1", "4,4,2,2", "5,3,3,1", "4,5,1000,1",
        "5,5,1000,2", "6,2,1000,2"})
    void countsEveryInterleavingWithoutReduction(int m, int n, int bound, int workers) {
        ExploreReport r = explore(Programs.twoThreads(m, n, "a", "b"), bound, false, workers);
        long expected = bound >= UNBOUNDED ? choose(m + n, m) : bounded(m, n, bound);
        assertEquals(expected, r.schedules());
        assertEquals(0, r.pruned());
        assertTrue(r.complete());
        assertNull(r.failure());
    }

    @ParameterizedTest(name = "m={0} n={1} workers={2}")
    @CsvSource({"1,1,1", "3,3,1", "4,4,2", "5,3,1", "6,4,2"})
    void reductionExploresOneScheduleForEachStartOfB(int m, int n, int workers) {
        // Steps at different VCLs commute. Starting b depends on every step, so equivalent
        // orders differ only in how many main-thread steps come before b's start.
        ExploreReport r = explore(Programs.twoThreads(m, n, "a", "b"), UNBOUNDED, true,
                workers);
        assertEquals(m + 1, r.schedules());
        assertTrue(r.pruned() > 0 || m + 1 == choose(m + n, m), "nothing was pruned");
        assertTrue(r.complete());
    }

    @ParameterizedTest(name = "m={0} n={1} bound={2}")
    @CsvSource({"3,3,1", "4,4,2", "4,3,1000"})
    void reductionKeepsEveryScheduleWhenAllStepsDepend(int m, int n, int bound) {
        // Every step is an injection point of the same VCL, so no two orders are equivalent.
        ExploreReport r = explore(Programs.twoThreads(m, n, "a", "a"), bound, true, 2);
        long expected = bound >= UNBOUNDED ? choose(m + n, m) : bounded(m, n, bound);
        assertEquals(expected, r.schedules());
        assertEquals(0, r.pruned());
    }

    @ParameterizedTest(name = "bound={0}")
    @CsvSource({"0", "1", "2", "3"})
    void reductionNeverExploresMoreThanTheFullSearch(int bound) {
        ExploreReport full = explore(Programs.twoThreads(4, 4, "a", "b"), bound, false, 1);
        ExploreReport reduced = explore(Programs.twoThreads(4, 4, "a", "b"), bound, true, 1);
        assertTrue(reduced.schedules() <= full.schedules(),
                reduced.schedules() + " > " + full.schedules());
    }
}
