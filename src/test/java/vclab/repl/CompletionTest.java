package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliReply;
import vclab.cli.Dialect;
import vclab.cli.WireGolden;
import vclab.sched.Point;
import vclab.vcl.Points;
import vclab.vrt.VclEvent;

/**
 * Completion candidates in each context, with the lists a simulated varnishd returns. The
 * expected lists are read from the model directly (its point table) or from the same replies
 * parsed as plain JSON, so the test checks the REPL's reading and placement of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionTest {
    @TempDir
    static Path dir;

    private TestModel model;
    private ReplCompleter completer;

    @BeforeAll
    void start() throws Exception {
        model = TestModel.start();
        completer = completer(model.channel(), model.dialect(), dir);
    }

    @AfterAll
    void stop() {
        model.close();
    }

    static ReplCompleter completer(CliChannel channel, Dialect dialect, Path base) {
        RequestFraming framing = new RequestFraming(dialect, StandardCharsets.UTF_8);
        return new ReplCompleter(new CompletionQueries(channel, framing, Duration.ofSeconds(30)),
                new FileNames(base));
    }

    /** Returns the candidates for a word after {@code words}, typed so far as {@code typed}. */
    static List<String> complete(ReplCompleter completer, String typed, String... words) {
        List<String> line = new ArrayList<>(List.of(words));
        line.add(typed);
        List<String> values = new ArrayList<>();
        for (Candidate c : completer.candidates(line, line.size() - 1, typed)) {
            values.add(c.value());
        }
        return values;
    }

    private List<String> complete(String... words) {
        return complete(completer, "", words);
    }

    private List<JsonNode> json(String line) throws Exception {
        JsonNode root = new ObjectMapper().readTree(model.call(line).body());
        List<JsonNode> elements = new ArrayList<>();
        for (int i = 3; i < root.size(); i++) {
            elements.add(root.get(i));
        }
        return elements;
    }

    @Test
    void firstWordOffersEveryCommand() throws Exception {
        Set<String> offered = Set.copyOf(complete());
        for (JsonNode command : json("help -j")) {
            assertTrue(offered.contains(command.get("request").asText()), command.toString());
        }
        for (String hidden : EmbeddedChannel.SIMULATION_COMMANDS) {
            assertTrue(offered.contains(hidden), hidden);
        }
    }

    @Test
    void simulationCommandsAreVclabs() throws Exception {
        Set<String> listed = new LinkedHashSet<>();
        for (String line : model.call("debug.vclab").body().split("\n")) {
            if (!line.isEmpty() && !line.startsWith(" ")) {
                listed.add(line.split(" ")[0]);
            }
        }
        assertTrue(listed.containsAll(EmbeddedChannel.SIMULATION_COMMANDS), listed.toString());
        Set<String> queued = new LinkedHashSet<>(listed);
        queued.removeAll(EmbeddedChannel.SIMULATION_COMMANDS);
        // A new vclab command must be sorted: out of band only if it never needs the manager.
        assertEquals(Set.of("debug.req"), queued);
    }

    @Test
    void parameterNamesForParamCommands() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode param : json("param.show -j")) {
            names.add(param.get("name").asText());
        }
        assertEquals(names, Set.copyOf(complete("param.set")));
        assertEquals(names, Set.copyOf(complete("param.set", "-j")));
        assertEquals(names, Set.copyOf(complete("param.reset")));
        Set<String> show = new LinkedHashSet<>(names);
        show.add("changed");
        assertEquals(show, Set.copyOf(complete("param.show")));
        assertEquals(List.of("-l", "-j"), complete(completer, "-", "param.show"));
    }

    @Test
    void booleanParametersOfferOnAndOff() throws Exception {
        int booleans = 0;
        for (JsonNode param : json("param.show -j")) {
            String name = param.get("name").asText();
            boolean isBoolean = "bool".equals(param.path("units").asText());
            List<String> expected = isBoolean ? List.of("on", "off") : List.of();
            assertEquals(expected, complete("param.set", name), name);
            booleans += isBoolean ? 1 : 0;
        }
        assertTrue(booleans > 0, "the model has no boolean parameter");
    }

    @Test
    void injectionPointsAndActions() {
        List<String> points = new ArrayList<>();
        for (Point p : Points.all()) {
            points.add(p.name());
        }
        assertEquals(points, complete("debug.inject"));
        assertEquals(ReplCompleter.ACTIONS, complete("debug.inject", "mgt.askchild"));
        assertEquals(points, complete("debug.inject", "mgt.askchild", "wait"));
        assertEquals(List.of(), complete("debug.inject", "mgt.askchild", "delay"));
        assertEquals(ReplCompleter.FILTERS,
                complete("debug.inject", "mgt.askchild", "delay", "100ms"));
        List<String> events = new ArrayList<>();
        for (VclEvent event : VclEvent.values()) {
            events.add("event=" + event.name());
        }
        assertEquals(events, complete(completer, "event=",
                "debug.inject", "vcl_send_event.inside", "delay", "100ms"));
    }

    @Test
    void releaseOffersPausedNames() throws Exception {
        model.call("debug.inject mgt.askchild pause step1");
        model.call("debug.inject mgt.askchild delay 1s");
        model.call("debug.inject vcl_send_event.inside pause step2 event=WARM");
        try {
            assertEquals(List.of("step1", "step2"), complete("debug.release"));
            List<String> ids = complete("debug.inject.clear");
            assertEquals(3, ids.size(), ids.toString());
        } finally {
            model.call("debug.inject.clear");
        }
        assertEquals(List.of(), complete("debug.release"));
    }

    @Test
    void fixedWordsInTheirPlace() {
        assertEquals(ReplCompleter.STATES, complete("vcl.state", "v1"));
        assertEquals(ReplCompleter.STATES, complete("vcl.load", "v1", "/tmp/v1.vcl"));
        assertEquals(ReplCompleter.STATES, complete("vcl.inline", "v1", "\"vcl 4.1;\""));
        assertEquals(List.of(), complete("vcl.inline", "v1", "<<"));
        assertEquals(ReplCompleter.HEALTHS, complete("backend.set_health", "v1.b1"));
        assertEquals(ReplCompleter.TRACE_MODES, complete("debug.trace"));
        assertEquals(ReplCompleter.BOOLEANS, complete("debug.switches"));
        assertEquals(List.of(), complete("vcl.use", "v1"));
    }

    @Test
    void filesForVclLoad() throws Exception {
        Files.writeString(dir.resolve("main.vcl"), "vcl 4.1;\n");
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/backends.vcl"), "");
        assertEquals(List.of("inc/", "main.vcl"), complete("vcl.load", "v1"));
        assertEquals(List.of("main.vcl"), complete(completer, "m", "vcl.load", "v1"));
        assertEquals(List.of("inc/backends.vcl"), complete(completer, "inc/", "vcl.load", "v1"));
        String absolute = dir.resolve("inc").toString() + "/";
        assertEquals(List.of(absolute + "backends.vcl"),
                complete(completer, absolute, "vcl.load", "v1"));
    }

    @Test
    void nothingInsideHereDocument() {
        ReplParser parser = new ReplParser(new RequestFraming(model.dialect(),
                StandardCharsets.UTF_8));
        String buffer = "vcl.inline v1 << EOF\nvcl 4.1;\nback";
        ReplParser.ReplLine line = parser.parse(buffer, buffer.length(),
                org.jline.reader.Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        assertTrue(line.inHereDocument());
        assertEquals(List.of(), candidates);
    }

    @Test
    void vclNamesAndLabelsFromRealVarnishd() throws Exception {
        JsonNode entry = WireGolden.topic("labels").stream()
                .filter(e -> e.path("label").asText().equals("vcl.list -j"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no vcl.list -j in the transcript"));
        String body = entry.get("reply").asText().substring(0, entry.get("length").asInt());
        ScriptedChannel recorded = new ScriptedChannel(line -> line.equals("vcl.list -j")
                ? new CliReply(entry.get("status").asInt(), body) : new CliReply(101, ""));
        ReplCompleter c = completer(recorded, Dialect.V7_1, dir);

        List<String> all = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> others = new ArrayList<>();
        JsonNode root = new ObjectMapper().readTree(body);
        for (int i = 3; i < root.size(); i++) {
            String name = root.get(i).get("name").asText();
            all.add(name);
            (root.get(i).get("state").asText().equals("label") ? labels : others).add(name);
        }
        assertTrue(!labels.isEmpty() && !others.isEmpty(), body);
        assertEquals(all, complete(c, "", "vcl.use"));
        assertEquals(all, complete(c, "", "vcl.show"));
        assertEquals(all, complete(c, "", "vcl.discard", others.get(0)));
        assertEquals(others, complete(c, "", "vcl.state"));
        assertEquals(labels, complete(c, "", "vcl.label"));
        assertEquals(others, complete(c, "", "vcl.label", labels.get(0)));
        List<String> vclFilters = new ArrayList<>();
        for (String name : others) {
            vclFilters.add("vcl=" + name);
        }
        assertEquals(vclFilters, complete(c, "vcl=", "debug.inject", "vcl_send_event.inside",
                "pause", "p1"));
    }

    @Test
    void failedQueriesOfferNothing() {
        ScriptedChannel refusing = new ScriptedChannel(line -> new CliReply(101,
                "Unknown request.\nType 'help' for more info.\n"));
        ReplCompleter c = completer(refusing, Dialect.V7_1, dir);
        assertEquals(List.of(), complete(c, ""));
        assertEquals(List.of(), complete(c, "", "vcl.use"));
        assertEquals(List.of(), complete(c, "", "param.set"));
        ScriptedChannel garbage = new ScriptedChannel(line -> CliReply.ok("[ 2, [\"x\"], 1.0,\n"
                + "  {\"name\": "));
        assertEquals(List.of(), complete(completer(garbage, Dialect.V7_1, dir), "", "vcl.use"));
    }

    @Test
    void truncatedJsonKeepsWholeElements() {
        String body = "[ 2, [\"param.show\", \"-j\"], 1796394952.244,\n"
                + "  {\n    \"name\": \"accept_filter\",\n    \"implemented\": false\n  },\n"
                + "  {\n    \"name\": \"acceptor_sleep_decay\",\n    \"implem";
        ScriptedChannel cut = new ScriptedChannel(line -> new CliReply(201, body));
        assertEquals(List.of("accept_filter"), complete(completer(cut, Dialect.V7_1, dir), "",
                "param.reset"));
    }

    @Test
    void busySessionUsesLastAnswer() {
        String help = "[ 2, [\"help\", \"-j\"], 1.000,\n  {\"request\": \"ping\"}\n]\n";
        ScriptedChannel channel = new ScriptedChannel(line -> line.equals("help -j")
                ? CliReply.ok(help) : new CliReply(101, ""));
        ReplCompleter c = completer(channel, Dialect.V7_1, dir);
        assertEquals(List.of("ping"), complete(c, ""));
        channel.setOutstanding(1);
        assertEquals(List.of("ping"), complete(c, ""));
        assertEquals(1, channel.count("help -j"));
    }

    @Test
    void unansweredQueryTimesOut() {
        ScriptedChannel silent = new ScriptedChannel(line -> null);
        RequestFraming framing = new RequestFraming(Dialect.V7_1, StandardCharsets.UTF_8);
        ReplCompleter c = new ReplCompleter(new CompletionQueries(silent, framing,
                Duration.ofMillis(50)), new FileNames(dir));
        assertEquals(List.of(), complete(c, "", "vcl.use"));
        assertEquals(1, silent.count("vcl.list -j"));
    }
}
