package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;
import vclab.vcl.Trace;

/** Time budgets, livelocks without a spinning thread, skipped scenarios and the counts. */
class SearchLimitsTest {
    private static ExploreOptions options() {
        ExploreOptions o = new ExploreOptions();
        o.workers = 1;
        return o;
    }

    @Test
    void timeBudgetStopsARunThatNeverEnds() {
        ExploreOptions o = options();
        o.maxSeconds = 0.5;
        // Limits this high let the ping-pong run on until the deadline stops it.
        o.spinLimit = Long.MAX_VALUE / 2;
        ExploreReport r = new Explorer(Programs.pingPong(), o).explore();
        assertFalse(r.failed(), () -> r.failure().summary());
        assertEquals(SearchState.TIME_BUDGET_REACHED, r.stopReason());
        assertFalse(r.complete());
        assertEquals(0, r.schedules());
    }

    @Test
    void timeBudgetStopsAnEndlessRandomWalk() {
        ExploreOptions o = options();
        o.strategy = ExploreOptions.Strategy.RANDOM;
        o.maxSeconds = 0.5;
        o.spinLimit = Long.MAX_VALUE / 2;
        ExploreReport r = new Explorer(Programs.pingPong(), o).explore();
        assertFalse(r.failed(), () -> r.failure().summary());
        assertEquals(SearchState.TIME_BUDGET_REACHED, r.stopReason());
    }

    @Test
    void threadsWakingEachOtherForEverAreALivelock() {
        ExploreOptions o = options();
        o.spinLimit = 100;
        ExploreReport r = new Explorer(Programs.pingPong(), o).explore();
        assertNotNull(r.failure(), ReportWriters.summary(r));
        assertEquals(FailureKind.LIVELOCK, r.failure().kind());
        assertTrue(r.failure().summary().contains("without letting virtual time pass"),
                r.failure().summary());
    }

    @Test
    void failingDefaultScheduleCountsOneSchedule() {
        ExploreReport r = new Explorer(Programs.of("always fails",
                (s, failures) -> failures.add("failed")), options()).explore();
        assertNotNull(r.failure());
        assertEquals(1, r.schedules());
        assertTrue(ReportWriters.summary(r).contains("found in 1 schedules at bound 0"),
                ReportWriters.summary(r));
    }

    @Test
    void summaryNamesSearchAndMinimisationRuns() {
        ExploreOptions o = options();
        o.strategy = ExploreOptions.Strategy.RANDOM;
        ExploreReport r = new Explorer(Programs.lostUpdate(), o).explore();
        String summary = ReportWriters.summary(r);
        assertNotNull(r.failure(), summary);
        assertTrue(summary.contains(r.counts().searchRuns() + " runs searching"), summary);
        assertTrue(summary.contains(r.counts().minimizeRuns() + " runs minimising"), summary);
        assertEquals(r.schedules(), r.counts().searchRuns());
        assertTrue(r.counts().minimizeRuns() > 0, summary);
    }

    @Test
    void progressCountsTheSchedulesOfThePass() {
        SearchState state = new SearchState(options(), null);
        state.countSchedule();
        state.countSchedule();
        state.startPass();
        state.countSchedule();
        String line = Progress.line(state, 0);
        assertTrue(line.contains(" 1 schedules "), line);
        assertEquals(3, state.schedules.sum());
    }

    @Test
    void completeSearchReportsTheLastPass() {
        ExploreOptions o = options();
        o.bound = 10;
        o.partialOrderReduction = false;
        ExploreReport r = new Explorer(Programs.twoThreads(2, 2, "a", "a"), o).explore();
        assertTrue(r.complete());
        // Every one of the C(4, 2) interleavings ran in the last pass.
        assertEquals(6, r.schedules());
        assertTrue(r.counts().allSchedules() > r.schedules(), ReportWriters.summary(r));
    }

    @Test
    void skippedScenarioStopsAfterOneRun() {
        for (ExploreOptions.Strategy strategy : ExploreOptions.Strategy.values()) {
            ExploreOptions o = options();
            o.strategy = strategy;
            ExploreReport r = new Explorer(skipping("uses HTTP"), o).explore();
            assertTrue(r.skipped(), strategy + ": " + ReportWriters.summary(r));
            assertEquals("uses HTTP", r.skipReason());
            assertNull(r.failure());
            assertFalse(r.complete(), strategy.name());
            assertTrue(ReportWriters.summary(r).contains("uses HTTP"), ReportWriters.summary(r));
        }
    }

    /** Returns a scenario that skips its work in every run, as a skipped VTC script does. */
    private static Scenario skipping(String reason) {
        return new Scenario() {
            @Override
            public String name() {
                return "skipping";
            }

            @Override
            public ScenarioOutcome run(Scheduler.Options options, Consumer<Trace.Event> trace) {
                SimResult r = new Scheduler(options).run("main", () -> { });
                return new ScenarioOutcome(r, List.of(), null, List.of(), reason);
            }
        };
    }
}
