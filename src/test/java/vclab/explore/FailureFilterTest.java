package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureFilterTest {
    private static ExploreReport explore(Scenario s, java.util.function.Predicate<Failure> f) {
        ExploreOptions o = new ExploreOptions();
        o.failureFilter = f;
        return new Explorer(s, o).explore();
    }

    @Test
    void rejectedFailuresLetTheSearchComplete() {
        ExploreReport r = explore(Programs.lostUpdate(), f -> false);
        assertFalse(r.failed(), "the only failure was rejected, yet one was reported");
        assertTrue(r.complete(), "a search without accepted failures must run to its end");
        assertEquals(2, r.bound());
    }

    @Test
    void acceptedFailureIsReported() {
        ExploreReport r = explore(Programs.lockOrder(), f -> f.kind() == FailureKind.DEADLOCK);
        assertNotNull(r.failure());
        assertEquals(FailureKind.DEADLOCK, r.failure().kind());
    }

    @Test
    void minimisedScheduleStillPassesTheFilter() {
        ExploreReport r = explore(Programs.lostUpdate(),
                f -> f.details().stream().anyMatch(d -> d.contains("counter is 1")));
        assertNotNull(r.failure());
        assertTrue(r.failure().details().stream().anyMatch(d -> d.contains("counter is 1")),
                r.failure().details().toString());
    }
}
