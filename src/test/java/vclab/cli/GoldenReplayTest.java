package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays the golden transcripts of varnishd 7.1.1 through a manager and a worker dispatcher
 * (see {@link TestVarnish}) and compares status and body byte for byte, with the clock masked.
 *
 * <p>Only entries this layer handles alone are replayed: ping, banner, help, quit, auth, the
 * param commands, and every dispatch error (100, 101, 102, 104, 105). Lines are framed as the
 * CLI server frames them (see {@link #frame}) and split at white space. Lines that need the
 * real tokenizer or a here-document, and commands that need the VCL model, are passed over.
 * The state the model would change (the worker stopping and starting) follows the transcript.
 */
class GoldenReplayTest {
    private static final Set<String> OWN_COMMANDS =
            Set.of("ping", "banner", "help", "quit", "auth", "param.show", "param.set",
                    "param.reset");
    private static final Set<Integer> DISPATCH_ERRORS = Set.of(100, 101, 102, 104, 105);

    /** What the tokenizer (not part of this layer) reports for the lines it rejects. */
    private static final Map<String, String> TOKENIZER_ERRORS = Map.of(
            "vcl.use \"abc", ParamWords.MISSING_QUOTE,
            "vcl.use \"a\\qb\"", ParamWords.INVALID_BACKSLASH,
            "ping \"x\" \"y\"", ParamWords.MISSING_SEPARATOR,
            "vcl.state \"v1\" \"warm\"", ParamWords.MISSING_SEPARATOR,
            "vcl.use a\"b", ParamWords.INVALID_QUOTE);

    private static final Pattern STARTUP_PARAM =
            Pattern.compile("varnishd .* -p (\\S+?)\\.?(\\s|$)");
    private static final Pattern PONG = Pattern.compile("PONG \\d+ 1\\.0");
    private static final Pattern JSON_TIME =
            Pattern.compile("(\\[ \\d+, \\[.*?\\]), \\d+\\.\\d{3}");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicNode> transcripts() throws IOException {
        JsonNode all = GoldenFiles.transcripts();
        Path secret = tmp.resolve("secret");
        Files.write(secret, "test secret\n".getBytes(StandardCharsets.ISO_8859_1));
        List<DynamicNode> topics = new ArrayList<>();
        for (String topic : List.of("basic", "param", "param_all", "errors", "json", "extras",
                "auth", "stopped", "vcl", "backend", "labels", "cooling", "cooling_runtime")) {
            List<DynamicTest> tests = new Replay(topic, secret).run(all.get(topic));
            topics.add(DynamicContainer.dynamicContainer(topic, tests));
        }
        return topics.stream();
    }

    @Test
    void replayCoversEachTopic() throws IOException {
        JsonNode all = GoldenFiles.transcripts();
        Path secret = tmp.resolve("secret");
        Files.write(secret, "x".getBytes(StandardCharsets.ISO_8859_1));
        Map<String, Integer> minimum = Map.of("basic", 12, "param", 25, "param_all", 2,
                "errors", 25, "json", 5, "extras", 8, "auth", 14);
        for (Map.Entry<String, Integer> e : minimum.entrySet()) {
            int replayed = new Replay(e.getKey(), secret).run(all.get(e.getKey())).size();
            assertTrue(replayed >= e.getValue(), e.getKey() + ": only " + replayed
                    + " entries replayed");
        }
    }

    @Test
    void workedAuthExampleMatches() {
        String note = null;
        for (JsonNode entry : GoldenFiles.transcripts().get("auth")) {
            String text = entry.path("text").asText("");
            if (text.contains("Worked example")) {
                note = text;
            }
        }
        assertTrue(note != null, "auth topic has no worked example");
        Matcher challenge = Pattern.compile("challenge '([a-z]{32})'").matcher(note);
        Matcher hash = Pattern.compile("\\b([0-9a-f]{64})\\b").matcher(note);
        assertTrue(challenge.find(), "no challenge in the worked example");
        assertTrue(hash.find(), "no hash in the worked example");
        String response = CliBuiltins.authResponse(challenge.group(1),
                "EXAMPLE-SECRET\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(hash.group(1), response);
    }

    static String mask(String body) {
        String masked = PONG.matcher(body).replaceAll("PONG <time> 1.0");
        return JSON_TIME.matcher(masked).replaceAll("$1, <time>");
    }

    /** The replay of one topic: one simulated varnishd, sessions as the transcript opens them. */
    private static final class Replay {
        private final String topic;
        private final Path secret;
        private final TestVarnish varnish;
        private final Random random = new Random(1);
        private CliSession session = new CliSession("golden", true);
        private final Deque<String> pending = new ArrayDeque<>();
        private final List<DynamicTest> tests = new ArrayList<>();

        Replay(String topic, Path secret) {
            this.topic = topic;
            this.secret = secret;
            this.varnish = new TestVarnish(Dialect.V7_1, secret);
        }

        List<DynamicTest> run(JsonNode entries) {
            for (JsonNode entry : entries) {
                String kind = entry.path("kind").asText();
                String text = entry.path("text").asText();
                if (kind.equals("note") && text.contains("authenticated connection")) {
                    session = new CliSession("golden", true);
                }
                Matcher option = STARTUP_PARAM.matcher(text);
                while (kind.equals("note") && option.find()) {
                    varnish.params.startupParam(option.group(1));
                }
                if (kind.equals("raw")) {
                    step(entry);
                }
            }
            return tests;
        }

        private void step(JsonNode entry) {
            String label = entry.get("label").asText();
            if (!entry.has("reply")) {
                pending.clear();
                return;
            }
            if (label.startsWith("connect")) {
                connect(entry, label);
                return;
            }

            queueLines(entry.get("sent").asText());
            if (pending.isEmpty()) {
                return;
            }
            String line = pending.poll();
            followWorker(line, entry);

            CliRequest request = request(line);
            int expected = entry.get("status").asInt();
            if (request == null || !answerable(request, expected)) {
                return;
            }
            CliReply reply = varnish.manager.dispatch(session, request);
            String expectedBody = GoldenFiles.body(entry);
            String name = topic + ": " + label;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertEquals(expected, reply.status(), name + " status");
                assertEquals(mask(expectedBody), mask(reply.body()), name + " body");
            }));
        }

        /** Frames a new write into lines; an empty write reads the next line of the last one. */
        private void queueLines(String sent) {
            if (sent.isEmpty()) {
                return;
            }
            pending.clear();
            if (sent.startsWith("<abbreviated")) {
                return;
            }
            List<String> lines = frame(sent, session.isAuthenticated());
            if (!lines.isEmpty() && startsHereDocument(lines.get(0))) {
                return;
            }
            pending.addAll(lines);
        }

        private void connect(JsonNode entry, String label) {
            session = new CliSession("golden " + label, false);
            CliReply greeting = varnish.builtins.greeting(session, random,
                    varnish.manager.host());
            String expectedBody = GoldenFiles.body(entry);
            int expected = entry.get("status").asInt();
            String name = topic + ": " + label + " greeting";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertEquals(expected, greeting.status(), name + " status");
                assertEquals(expectedBody.length(), greeting.body().length(), name + " length");
                assertEquals(expectedBody.substring(32), greeting.body().substring(32),
                        name + " text after the challenge");
                assertTrue(greeting.body().substring(0, 32).matches("[a-z]{32}"),
                        name + " challenge letters");
            }));
        }

        /** Tracks the transcript's stop and start, which decide whether a worker runs. */
        private void followWorker(String line, JsonNode entry) {
            if (entry.get("status").asInt() != CliStatus.OK) {
                return;
            }
            if (line.equals("stop")) {
                varnish.childRunning = false;
            } else if (line.equals("start")) {
                varnish.childRunning = true;
            }
        }

        /** Applies the server's rule: {@code << word} ends an authenticated line. */
        private boolean startsHereDocument(String line) {
            String[] words = line.trim().split("\\s+");
            return session.isAuthenticated() && words.length >= 2
                    && words[words.length - 2].equals("<<");
        }

        private CliRequest request(String line) {
            if (line.startsWith("auth <AUTH-RESPONSE")) {
                return new CliRequest(List.of("auth", authResponse(line)), null, line);
            }
            String error = TOKENIZER_ERRORS.get(line);
            if (error != null) {
                return new CliRequest(List.of(), error, line);
            }
            if (line.indexOf('\\') >= 0) {
                return null;
            }
            List<String> words = new ArrayList<>();
            for (String word : line.trim().split("[ \t\u000b\f]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")
                        && word.indexOf('"', 1) == word.length() - 1) {
                    word = word.substring(1, word.length() - 1);
                } else if (word.indexOf('"') >= 0) {
                    return null;
                }
                words.add(word);
            }
            return new CliRequest(words, null, line);
        }

        private String authResponse(String line) {
            try {
                String hex = CliBuiltins.authResponse(session.challenge(),
                        Files.readAllBytes(secret));
                return line.toLowerCase().contains("uppercase") ? hex.toUpperCase() : hex;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean answerable(CliRequest request, int expectedStatus) {
            if (request.syntaxError() != null || request.argv().isEmpty()) {
                return true;
            }
            return OWN_COMMANDS.contains(request.argv().get(0))
                    || DISPATCH_ERRORS.contains(expectedStatus);
        }
    }

    /**
     * Frames the bytes of one write into command lines as the CLI server does. Leading white
     * space is skipped, CR or LF ends a line and one leading '-' is dropped. Before
     * authentication a line is cut after 80 bytes and the 81st byte is lost.
     */
    static List<String> frame(String sent, boolean authenticated) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = null;
        for (char c : sent.toCharArray()) {
            if (line == null && ParamNumbers.isCSpace(c)) {
                continue;
            }
            if (line == null) {
                line = new StringBuilder();
            }
            if (c != '\n' && c != '\r' && (authenticated || line.length() < 80)) {
                line.append(c);
                continue;
            }
            String text = line.toString();
            lines.add(text.startsWith("-") ? text.substring(1) : text);
            line = null;
        }
        return lines;
    }
}
