package vclab.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;
import vclab.ExploreCommand;

class ExploreCommandTest {
    @TempDir
    Path dir;
    Path script;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final List<String> models = new ArrayList<>();

    @BeforeEach
    void script() throws Exception {
        script = dir.resolve("race.vtc");
        Files.writeString(script, "varnishtest \"race\"\n");
    }

    /** Runs the command with a factory that serves {@code scenario} for any script. */
    private int run(Scenario scenario, String... args) {
        ScenarioFactory factory = (file, model) -> {
            models.add(String.valueOf(model));
            return scenario;
        };
        ExploreCommand command = new ExploreCommand(factory,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cleanSearchExitsZeroWithTheCount() {
        // With no effective bound, every one of the C(4, 2) interleavings runs.
        int status = run(Programs.twoThreads(2, 2, "a", "a"), script.toString(), "--quiet",
                "--bound", "10");
        assertEquals(0, status, err());
        assertTrue(out().contains("no failure in 6 schedules"), out());
        assertTrue(out().contains("complete"), out());
    }

    @Test
    void failureExitsOneAndWritesTheSchedule() throws Exception {
        Path schedule = dir.resolve("lost.schedule");
        int status = run(Programs.lostUpdate(), script.toString(), "--quiet",
                "--schedule-out", schedule.toString());
        assertEquals(1, status, err());
        assertTrue(out().contains("schedule written to " + schedule), out());
        assertTrue(out().contains("counter is 1, expected 2"), out());
        ReplayPolicy replay = ReplayPolicy.load(schedule);
        assertEquals(1, replay.schedule().entries().size());
    }

    @Test
    void jsonAndJunitReportsAreWritten() throws Exception {
        Path json = dir.resolve("r.json");
        Path junit = dir.resolve("r.xml");
        int status = run(Programs.lostUpdate(), script.toString(), "--quiet", "--json",
                json.toString(), "--junit", junit.toString(), "--schedule-out",
                dir.resolve("s").toString());
        assertEquals(1, status, err());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("EXPECTATION", report.get("failure").get("kind").asText());
        assertEquals(1, report.get("schedule").get("preemptions").asInt());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(junit.toFile());
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
        assertEquals(1, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void modelIsCheckedAndPassedOn() {
        int status = run(Programs.twoThreads(1, 1, "a", "a"), script.toString(), "--quiet",
                "--model", "7.6");
        assertEquals(0, status, err());
        assertEquals(List.of("v7.6"), models);
    }

    @Test
    void unknownModelIsInvalidInput() {
        int status = run(Programs.lostUpdate(), script.toString(), "--model", "v9");
        assertEquals(2, status);
        assertTrue(err().contains("unknown model 'v9'"), err());
    }

    @Test
    void unknownStrategyIsInvalidInput() {
        int status = run(Programs.lostUpdate(), script.toString(), "--strategy", "bfs");
        assertEquals(2, status);
        assertTrue(err().contains("invalid --strategy 'bfs'"), err());
    }

    @Test
    void missingFileIsInvalidInput() {
        int status = run(Programs.lostUpdate(), dir.resolve("none.vtc").toString());
        assertEquals(2, status);
        assertTrue(err().contains("no such file"), err());
    }

    @Test
    void pctWithSeedRuns() {
        int status = run(Programs.twoThreads(2, 2, "a", "b"), script.toString(), "--quiet",
                "--strategy", "pct", "--depth", "2", "--seed", "9", "--max-schedules", "50");
        assertEquals(0, status, err());
        assertTrue(out().contains("no failure in 50 schedules (pct depth 2 seed 9"), out());
    }

    /** Runs the command on real VTC scenarios with simulated varnishds. */
    private int runVtc(String... args) {
        ExploreCommand command = new ExploreCommand(
                new vclab.vtc.VtcScenarioFactory(new vclab.vtc.varnish.SimulatedVarnish.Factory()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandLine(command).execute(args);
    }

    @Test
    void vtcScriptWithoutRaceCompletes() throws Exception {
        Files.writeString(script, "varnishtest \"race\"\n"
                + "varnish v1 -vcl { backend default none; } -start\n"
                + "varnish v1 -cliok \"vcl.list\"\n");
        int status = runVtc(script.toString(), "--quiet", "--bound", "1");
        assertEquals(0, status, out() + err());
        assertTrue(out().contains("no failure in "), out());
        assertTrue(out().contains("complete"), out());
    }

    @Test
    void brokenVtcScriptExitsTwoWithPosition() throws Exception {
        Files.writeString(script, "varnishtest \"race\"\nvarnish v1 -vcl {\n");
        int status = runVtc(script.toString(), "--quiet");
        assertEquals(2, status, out() + err());
        assertTrue(err().contains("race.vtc:2:"), err());
    }

    @Test
    void progressLinesGoToStandardError() {
        ExploreOptions o = new ExploreOptions();
        o.progress = new PrintStream(err, true, StandardCharsets.UTF_8);
        o.maxSeconds = 1.5;
        o.strategy = ExploreOptions.Strategy.RANDOM;
        o.maxSchedules = Long.MAX_VALUE;
        ExploreReport r = new Explorer(Programs.twoThreads(3, 3, "a", "b"), o).explore();
        assertFalse(r.failed());
        assertTrue(err().contains("explore: 1s, "), err());
        assertTrue(err().contains(" schedules ("), err());
        assertEquals("time budget reached", r.stopReason());
    }

    @Test
    void outOfRangeOptionsAreInvalidInput() {
        String[][] cases = {{"--workers", "100000"}, {"--workers", "0"}, {"--workers", "-1"},
            {"--max-seconds", "0"}, {"--max-seconds", "-1"}, {"--max-seconds", "NaN"},
            {"--max-schedules", "-5"}, {"--max-schedules", "0"}, {"--bound", "-1"},
            {"--depth", "0"}, {"--spin-limit", "0"}};
        for (String[] c : cases) {
            err.reset();
            int status = run(Programs.lostUpdate(), script.toString(), "--quiet", c[0], c[1]);
            assertEquals(2, status, c[0] + " " + c[1] + ": " + out() + err());
            assertTrue(err().contains("Invalid value for option '" + c[0] + "': " + c[1]),
                    err());
        }
    }

    @Test
    void directoryIsInvalidInput() {
        int status = run(Programs.lostUpdate(), dir.toString());
        assertEquals(2, status);
        assertTrue(err().contains("is a directory"), err());
    }

    @Test
    void internalErrorPrintsOneLine() {
        ScenarioFactory broken = (file, model) -> {
            throw new StackOverflowError();
        };
        ExploreCommand command = new ExploreCommand(broken,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = new CommandLine(command).execute(script.toString());
        assertEquals(70, status);
        assertEquals("vclab explore: internal error: java.lang.StackOverflowError\n", err());
    }

    @Test
    void skippedVtcScriptExits77() throws Exception {
        String[] bodies = {"process p1 \"sleep 100\" -start\n", "client c1 {\n} -run\n",
            "feature cmd false\n"};
        for (String body : bodies) {
            out.reset();
            Files.writeString(script, "varnishtest \"skip\"\n" + body);
            int status = runVtc(script.toString(), "--quiet");
            assertEquals(77, status, body + out() + err());
            assertTrue(out().contains("race.vtc: skipped: "), out());
            assertFalse(out().contains("no failure"), out());
        }
    }

    @Test
    void endlessCliLoopIsALivelock() throws Exception {
        Files.writeString(script, "varnishtest \"loop\"\n"
                + "varnish v1 -vcl { backend default none; } -start\n"
                + "loop 1000000000 { varnish v1 -cliok ping }\n");
        int status = runVtc(script.toString(), "--quiet", "--spin-limit", "100",
                "--schedule-out", dir.resolve("loop.schedule").toString());
        assertEquals(1, status, out() + err());
        assertTrue(out().contains("livelock found in 1 schedules"), out());
    }
}
