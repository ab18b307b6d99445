package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownBugTest {
    private static ExploreReport explore(Scenario s) {
        return new Explorer(s, new ExploreOptions()).explore();
    }

    @Test
    void lostUpdateHasMinimalSchedule() {
        ExploreReport r = explore(Programs.lostUpdate());
        assertNotNull(r.failure());
        assertEquals(FailureKind.EXPECTATION, r.failure().kind());
        assertEquals(1, r.schedule().preemptions());
        assertEquals(1, r.schedule().entries().size(), r.schedule().toText());
        assertEquals(0, r.bound(), "bound 0 should have been searched completely first");
    }

    @Test
    void lostUpdateStoryShowsThePreemptedPoint() {
        ExploreReport r = explore(Programs.lostUpdate());
        assertTrue(r.story().contains(">> step "), r.story());
        assertTrue(r.story().contains("preempts"), r.story());
        assertTrue(r.story().contains("counter after read"), r.story());
    }

    @Test
    void lockOrderInversionIsADeadlock() {
        ExploreReport r = explore(Programs.lockOrder());
        assertNotNull(r.failure());
        assertEquals(FailureKind.DEADLOCK, r.failure().kind());
        assertEquals(1, r.schedule().preemptions());
        assertTrue(r.failure().details().stream().anyMatch(l -> l.contains("holds vcl_mtx")),
                r.failure().details().toString());
    }

    @Test
    void spinningThreadIsALivelockNamingIt() {
        ExploreOptions o = new ExploreOptions();
        o.spinLimit = 500;
        ExploreReport r = new Explorer(Programs.spinner(), o).explore();
        assertNotNull(r.failure());
        assertEquals(FailureKind.LIVELOCK, r.failure().kind());
        assertTrue(r.failure().summary().startsWith("spinner took 500 steps"),
                r.failure().summary());
        assertEquals(0, r.schedule().preemptions());
    }

    @Test
    void runPastVirtualLimitIsATimeout() {
        ExploreOptions o = new ExploreOptions();
        o.virtualLimitNanos = 1_000_000_000L;
        ExploreReport r = new Explorer(Programs.sleeper(5_000_000_000L), o).explore();
        assertNotNull(r.failure());
        assertEquals(FailureKind.TIMEOUT, r.failure().kind());
        assertTrue(r.failure().summary().contains("virtual time limit of 1.000000s"),
                r.failure().summary());
    }

    @Test
    void sleepWithinVirtualLimitPasses() {
        ExploreOptions o = new ExploreOptions();
        o.virtualLimitNanos = 10_000_000_000L;
        ExploreReport r = new Explorer(Programs.sleeper(5_000_000_000L), o).explore();
        assertEquals(null, r.failure());
    }

    @Test
    void schedulerOperationFromAnotherThreadIsUncontrolled() {
        ExploreReport r = explore(Programs.uncontrolled());
        assertNotNull(r.failure());
        assertEquals(FailureKind.UNCONTROLLED, r.failure().kind());
    }

    @Test
    void stepsThatChangeBetweenReplaysAreNondeterminism() {
        ExploreReport r = explore(Programs.flaky(new java.util.concurrent.atomic.AtomicInteger()));
        assertNotNull(r.failure());
        assertEquals(FailureKind.NONDETERMINISM, r.failure().kind());
        assertTrue(r.warnings().get(0).contains("fingerprint"), r.warnings().toString());
    }

    @Test
    void correctProgramPassesEveryBound() {
        ExploreReport r = explore(Programs.twoThreads(3, 3, "a", "a"));
        assertEquals(null, r.failure());
        assertEquals(2, r.bound());
        assertTrue(r.complete());
    }
}
