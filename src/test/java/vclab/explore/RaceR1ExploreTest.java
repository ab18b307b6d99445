package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vclab.sched.Scheduler;

/** The double WARM race without an injected delay: the explorer has to find the window. */
class RaceR1ExploreTest {
    private static ExploreReport explore(String model) {
        return new Explorer(RaceR1.scenario(model), new ExploreOptions()).explore();
    }

    @Test
    void defaultScheduleDoesNotHitTheRace() {
        ScenarioOutcome out = RaceR1.scenario("v7.6").run(new Scheduler.Options(), null);
        assertNull(out.panic());
        assertEquals(0, out.invariantViolations().size());
    }

    @ParameterizedTest
    @CsvSource({"v7.4, line 656:", "v7.6, cache_backend_probe.c:712:",
        "v7.7, cache_backend_probe.c:709:"})
    void doubleWarmFoundWithOnePreemption(String model, String panicPart) {
        ExploreReport r = explore(model);
        assertNotNull(r.failure(), "no failure in " + r.schedules() + " schedules");
        assertEquals(FailureKind.INVARIANT, r.failure().kind());
        assertTrue(r.failure().summary().endsWith("got WARM twice"), r.failure().summary());
        assertTrue(String.join("\n", r.failure().details()).contains(panicPart),
                r.failure().details().toString());
        assertEquals(1, r.schedule().preemptions());
        assertEquals(1, r.schedule().entries().size(), r.schedule().toText());
        assertEquals(java.util.List.of(), r.warnings(), "replays must take the same steps");
    }

    @Test
    void preemptionOnlyPassFindsTheRaceInFewerRuns() {
        ExploreOptions stepwise = new ExploreOptions();
        stepwise.workers = 1;
        stepwise.minimize = false;
        ExploreOptions plain = new ExploreOptions();
        plain.workers = 1;
        plain.minimize = false;
        plain.iterativeBound = false;
        ExploreReport a = new Explorer(RaceR1.scenario("v7.6"), stepwise).explore();
        ExploreReport b = new Explorer(RaceR1.scenario("v7.6"), plain).explore();
        assertNotNull(a.failure());
        assertNotNull(b.failure());
        assertTrue(a.runs() < b.runs(), a.runs() + " runs bound by bound, " + b.runs()
                + " at bound 2 alone");
    }

    @Test
    void storyTellsTheWindowAndThePanic() {
        ExploreReport r = explore("v7.6");
        String story = r.story();
        assertNotNull(story);
        assertTrue(story.contains(">> step "), story);
        assertTrue(story.contains("dyn d example.com"), story);
        assertTrue(story.contains("INVARIANT VIOLATED: director vcl2.d(192.0.2.10:80) got WARM"
                + " twice"), story);
        assertTrue(story.contains("PANIC: Wrong turn at cache/cache_backend_probe.c:712:"),
                story);
        assertTrue(story.contains("vmod vcl2 dynamic WARM"), story);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v8.0", "pr4205"})
    void fixedModelsPassTheBoundedSearch(String model) {
        ExploreReport r = explore(model);
        assertNull(r.failure(), () -> r.story());
        assertTrue(r.complete());
        assertEquals(2, r.bound());
        assertTrue(r.schedules() > 1000, "only " + r.schedules() + " schedules");
    }
}
