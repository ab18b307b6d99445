package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.explore.ExploreOptions;
import vclab.explore.ExploreReport;
import vclab.explore.Explorer;
import vclab.explore.Schedule;
import vclab.vtc.VtcScenarioFactory;
import vclab.vtc.varnish.SimulatedVarnish;

/**
 * {@code vclab test --schedule}: a schedule that the explorer wrote for R1 under 7.6 replays
 * to the same panic, and a run that leaves an edited schedule fails with the reason.
 */
class ScheduleReplayTest {
    private static final String MODEL = "v7.6";

    @TempDir
    static Path dir;
    static Path script;
    static Schedule found;
    static String panic;

    @BeforeAll
    static void explore() throws Exception {
        script = VtcRun.projectRoot().resolve("vtc-cases/explore/r1-double-warm.vtc");
        ExploreOptions options = new ExploreOptions();
        options.bound = 1;
        ExploreReport report = new Explorer(new VtcScenarioFactory(
                new SimulatedVarnish.Factory()).create(script, MODEL), options).explore();
        assertTrue(report.failed(), "the explorer found no failure of R1 under " + MODEL);
        found = report.schedule();
        panic = report.failure().details().stream()
                .filter(d -> d.startsWith("Wrong turn at "))
                .findFirst().orElse(null);
        assertNotNull(panic, "the failure has no panic: " + report.failure().details());
    }

    private static VtcRun replay(Schedule schedule) throws Exception {
        Path file = Files.createTempFile(dir, "r1-", ".schedule");
        schedule.write(file);
        return VtcRun.run(List.of("-v", "--model", MODEL, "--schedule", file.toString(),
                script.toString()));
    }

    @Test
    void replayPanicsAsTheExploredRun() throws Exception {
        VtcRun r = replay(found);
        assertEquals("FAILED", r.verdict(script), r.out);
        assertTrue(childOutput(r.out).contains(panic + "\n"),
                "expected the panic\n" + panic + "\nin:\n" + childOutput(r.out));
        assertFalse(r.out.contains("schedule diverged"), r.out);
    }

    @Test
    void editedScheduleFailsWithTheDivergence() throws Exception {
        Schedule.Entry e = found.entries().get(0);
        Schedule edited = new Schedule(found.scenario(), found.strategy(),
                found.preemptions(), found.steps(), found.fingerprint(),
                List.of(new Schedule.Entry(e.choice(), e.step() + 1, e.thread(), e.kind(),
                        e.object(), e.vcl(), e.note())));
        VtcRun r = replay(edited);
        assertEquals("FAILED", r.verdict(script), r.out);
        assertTrue(r.err.contains("schedule diverged at choice " + e.choice()), r.err);
        assertFalse(childOutput(r.out).contains(panic), "the diverged run went on to the"
                + " panic:\n" + r.out);
    }

    @Test
    void scheduleTakesOneScript() throws Exception {
        Path file = Files.createTempFile(dir, "r1-", ".schedule");
        found.write(file);
        VtcRun r = VtcRun.run(List.of("--schedule", file.toString(), script.toString(),
                script.toString()));
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("--schedule replays one run of one script"), r.err);
    }

    @Test
    void missingScheduleIsAnError() {
        VtcRun r = VtcRun.run(List.of("--schedule", dir.resolve("none.schedule").toString(),
                script.toString()));
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("cannot read the schedule"), r.err);
    }

    /** Returns the stderr lines of the child and manager, without the log line prefixes. */
    private static String childOutput(String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.split("\n")) {
            int i = line.indexOf(" debug|");
            if (i >= 0) {
                sb.append(line.substring(i + 7)).append('\n');
            }
        }
        return sb.toString();
    }
}
