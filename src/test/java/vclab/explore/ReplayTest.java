package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.sched.Scheduler;
import vclab.sched.SimResult;

class ReplayTest {
    private static Schedule failingSchedule(Scenario s) {
        ExploreReport r = new Explorer(s, new ExploreOptions()).explore();
        assertNotNull(r.schedule(), "the search found no failure to replay");
        return r.schedule();
    }

    private static ScenarioOutcome replay(Scenario s, ReplayPolicy policy) {
        Scheduler.Options o = new Scheduler.Options();
        policy.install(o);
        return s.run(o, null);
    }

    @Test
    void sameScheduleGivesSameFingerprintHundredTimes() {
        Scenario s = RaceR1.scenario("v7.6");
        Schedule schedule = failingSchedule(s);
        ReplayPolicy policy = new ReplayPolicy(schedule);
        for (int i = 0; i < 100; i++) {
            policy.restart();
            ScenarioOutcome out = replay(s, policy);
            assertEquals(schedule.fingerprint(), policy.runFingerprint(), "replay " + i);
            assertNull(policy.divergence(), "replay " + i);
            assertEquals(schedule.steps(), out.result().steps(), "replay " + i);
        }
    }

    @Test
    void replayRepeatsTheFailure() {
        Scenario s = Programs.lostUpdate();
        ReplayPolicy policy = new ReplayPolicy(failingSchedule(s));
        ScenarioOutcome out = replay(s, policy);
        assertEquals(List.of("counter is 1, expected 2"), out.expectationFailures());
        policy.verify();
    }

    @Test
    void defaultRunPassesWithoutTheSchedule() {
        ScenarioOutcome out = Programs.lostUpdate().run(new Scheduler.Options(), null);
        assertEquals(List.of(), out.expectationFailures());
    }

    @Test
    void threadNotEnabledIsADivergenceNamingTheStep() {
        Scenario s = Programs.lostUpdate();
        Schedule good = failingSchedule(s);
        Schedule.Entry e = good.entries().get(0);
        Schedule bad = withEntry(good, new Schedule.Entry(e.choice(), e.step(), "nobody",
                e.kind(), e.object(), e.vcl(), null));
        ReplayPolicy policy = new ReplayPolicy(bad);
        ScenarioOutcome out = replay(s, policy);
        assertEquals(SimResult.Outcome.ABORTED, out.result().outcome());
        assertTrue(policy.divergence().contains("at step " + e.step()), policy.divergence());
        assertTrue(policy.divergence().contains("nobody is not enabled"), policy.divergence());
        assertThrows(ScheduleDivergenceException.class, policy::verify);
    }

    @Test
    void differentAnnouncedStepIsADivergence() {
        Scenario s = Programs.lockOrder();
        Schedule good = failingSchedule(s);
        Schedule.Entry e = good.entries().get(0);
        Schedule bad = withEntry(good, new Schedule.Entry(e.choice(), e.step(), e.thread(),
                vclab.sched.OpKind.UNLOCK, "vcl_mtx", null, null));
        ReplayPolicy policy = new ReplayPolicy(bad);
        replay(s, policy);
        assertTrue(policy.divergence().contains("instead of UNLOCK vcl_mtx"),
                policy.divergence());
    }

    @Test
    void decisionAtAnotherStepIsADivergence() {
        Scenario s = Programs.lockOrder();
        Schedule good = failingSchedule(s);
        Schedule.Entry e = good.entries().get(0);
        Schedule bad = withEntry(good, new Schedule.Entry(e.choice(), e.step() + 7, e.thread(),
                e.kind(), e.object(), e.vcl(), null));
        ReplayPolicy policy = new ReplayPolicy(bad);
        replay(s, policy);
        assertTrue(policy.divergence().contains("expects step " + (e.step() + 7)),
                policy.divergence());
    }

    @Test
    void entryNeverReachedIsADivergence() {
        Scenario s = Programs.lockOrder();
        Schedule good = failingSchedule(s);
        List<Schedule.Entry> entries = new ArrayList<>(good.entries());
        entries.add(new Schedule.Entry(1000, 5000, "a", vclab.sched.OpKind.LOCK, "m", null,
                null));
        ReplayPolicy policy = new ReplayPolicy(new Schedule(good.scenario(), good.strategy(),
                good.preemptions(), good.steps(), null, entries));
        replay(s, policy);
        assertTrue(policy.divergence().contains("before choice 1000"), policy.divergence());
    }

    @Test
    void scheduleFileRoundTrips(@TempDir Path dir) throws Exception {
        Schedule schedule = failingSchedule(RaceR1.scenario("v7.6"));
        Path file = dir.resolve("r1.schedule");
        schedule.write(file);
        ReplayPolicy loaded = ReplayPolicy.load(file);
        assertEquals(schedule, withoutNotes(loaded.schedule(), schedule));
        assertTrue(Files.readString(file).contains("choice "), Files.readString(file));
    }

    @Test
    void invalidScheduleLineNamesFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.parse("scenario \"x\"\nchoice 1 step 2 thread\n", "s.schedule"));
        assertTrue(e.getMessage().startsWith("s.schedule:2: "), e.getMessage());
    }

    @Test
    void unknownKeywordIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.parse("speed 3\n", "s.schedule"));
        assertTrue(e.getMessage().contains("unknown keyword 'speed'"), e.getMessage());
    }

    private static Schedule withEntry(Schedule s, Schedule.Entry e) {
        List<Schedule.Entry> entries = new ArrayList<>(s.entries());
        entries.set(0, e);
        return new Schedule(s.scenario(), s.strategy(), s.preemptions(), s.steps(),
                s.fingerprint(), entries);
    }

    /** The parsed schedule with the notes of {@code original}, which the file keeps as text. */
    private static Schedule withoutNotes(Schedule parsed, Schedule original) {
        List<Schedule.Entry> entries = new ArrayList<>();
        for (int i = 0; i < parsed.entries().size(); i++) {
            Schedule.Entry e = parsed.entries().get(i);
            entries.add(new Schedule.Entry(e.choice(), e.step(), e.thread(), e.kind(),
                    e.object(), e.vcl(), original.entries().get(i).note()));
        }
        return new Schedule(parsed.scenario(), parsed.strategy(), parsed.preemptions(),
                parsed.steps(), parsed.fingerprint(), entries);
    }
}
