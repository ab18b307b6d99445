package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WalkTest {
    private static ExploreReport walk(Scenario s, ExploreOptions.Strategy strategy, long seed,
            int workers, boolean minimize) {
        ExploreOptions o = new ExploreOptions();
        o.strategy = strategy;
        o.seed = seed;
        o.workers = workers;
        o.minimize = minimize;
        o.maxSchedules = 2000;
        return new Explorer(s, o).explore();
    }

    @ParameterizedTest
    @EnumSource(value = ExploreOptions.Strategy.class, names = {"RANDOM", "PCT"})
    void sameSeedFindsSameSchedule(ExploreOptions.Strategy strategy) {
        ExploreReport a = walk(Programs.lostUpdate(), strategy, 42, 2, false);
        ExploreReport b = walk(Programs.lostUpdate(), strategy, 42, 1, false);
        assertNotNull(a.schedule());
        assertNotNull(b.schedule());
        assertEquals(a.schedule(), b.schedule());
    }

    @ParameterizedTest
    @EnumSource(value = ExploreOptions.Strategy.class, names = {"RANDOM", "PCT"})
    void sameSeedRunsSameSchedules(ExploreOptions.Strategy strategy) {
        ExploreOptions o = new ExploreOptions();
        o.strategy = strategy;
        o.seed = 7;
        o.maxSchedules = 300;
        o.workers = 1;
        ExploreReport a = new Explorer(Programs.twoThreads(4, 4, "a", "b"), o).explore();
        ExploreReport b = new Explorer(Programs.twoThreads(4, 4, "a", "b"), o).explore();
        assertEquals(300, a.schedules());
        assertEquals(a.schedules(), b.schedules());
        assertEquals(null, a.failure());
    }

    @ParameterizedTest
    @EnumSource(value = ExploreOptions.Strategy.class, names = {"RANDOM", "PCT"})
    void walkFailureIsMinimisedToOnePreemption(ExploreOptions.Strategy strategy) {
        ExploreReport r = walk(Programs.lostUpdate(), strategy, 3, 2, true);
        assertNotNull(r.failure());
        assertEquals(FailureKind.EXPECTATION, r.failure().kind());
        assertEquals(1, r.schedule().preemptions(), r.schedule().toText());
        assertEquals(1, r.schedule().entries().size(), r.schedule().toText());
    }

    @ParameterizedTest
    @EnumSource(value = ExploreOptions.Strategy.class, names = {"RANDOM", "PCT"})
    void walkFindsTheR1Race(ExploreOptions.Strategy strategy) {
        ExploreReport r = walk(RaceR1.scenario("v7.6"), strategy, 1, 2, false);
        assertNotNull(r.failure(), "no failure in " + r.schedules() + " schedules");
        assertEquals(FailureKind.INVARIANT, r.failure().kind());
    }

    @org.junit.jupiter.api.Test
    void pctDepthBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PctPolicy(0, 10));
    }
}
