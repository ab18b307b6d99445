package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the bytes of every raw transcript entry through a framer, one framer per recorded
 * connection, and checks that the framer cuts as many requests as varnishd sent replies, and
 * that each request agrees with its reply: a syntax error where varnishd reported one, no
 * words where it reported an empty command, and so on.
 */
class CliFramerGoldenTest {
    private static final Pattern ABBREVIATED =
            Pattern.compile("b'([^']*)' \\+ b'(.)' \\* (\\d+) \\+ b'\\\\n'.*");
    private static final Pattern NO_VCL_NAMED = Pattern.compile("No VCL named (\\S+) known\n");

    static List<Arguments> topics() {
        List<Arguments> cases = new ArrayList<>();
        for (String topic : List.of("errors", "extras", "auth", "basic", "param", "vcl",
                "backend", "json", "stopped", "labels", "cooling", "cooling_runtime")) {
            for (Dialect dialect : Dialect.values()) {
                cases.add(Arguments.of(topic, dialect));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("topics")
    void requestsMatchReplies(String topic, Dialect dialect) {
        new Replay(dialect).run(WireGolden.topic(topic));
    }

    /** The replay of one topic: connections, authentication state and pending replies. */
    private static final class Replay {
        private final Dialect dialect;
        private CliFramer framer;
        private boolean closed;
        private int checked;

        Replay(Dialect dialect) {
            this.dialect = dialect;
            open(true);
        }

        private void open(boolean authenticated) {
            framer = new CliFramer(dialect);
            framer.setAuthenticated(authenticated);
            closed = false;
        }

        void run(List<JsonNode> entries) {
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                String kind = entry.get("kind").asText();
                if (kind.equals("note")) {
                    if (entry.get("text").asText().contains("authenticated connection")) {
                        open(true);
                    }
                    continue;
                }
                if (!kind.equals("raw")) {
                    continue;
                }
                String label = entry.get("label").asText();
                if (label.startsWith("connect")) {
                    open(entry.get("status").asInt() == CliStatus.OK);
                    continue;
                }
                if (entry.get("sent").asText().isEmpty() || closed) {
                    continue;
                }
                List<JsonNode> replies = repliesOf(entries, i);
                replay(label, sent(entry), replies);
            }
            assertTrue(checked > 0, "no request was checked");
        }

        /** Returns the replies to the entry at i: its own, then those read without sending. */
        private static List<JsonNode> repliesOf(List<JsonNode> entries, int i) {
            List<JsonNode> replies = new ArrayList<>();
            if (entries.get(i).has("status")) {
                replies.add(entries.get(i));
            }
            for (int j = i + 1; j < entries.size(); j++) {
                JsonNode next = entries.get(j);
                if (!next.get("kind").asText().equals("raw")
                        || !next.get("sent").asText().isEmpty()
                        || next.get("label").asText().startsWith("connect")) {
                    break;
                }
                if (next.has("status")) {
                    replies.add(next);
                }
            }
            return replies;
        }

        private void replay(String label, byte[] bytes, List<JsonNode> replies) {
            int offset = 0;
            int used = 0;
            while (offset < bytes.length && !closed) {
                CliFramer.Step step = framer.feedOne(bytes, offset, bytes.length - offset);
                offset += step.consumed();
                if (step.request() == null) {
                    continue;
                }
                if (used == replies.size()) {
                    fail(label + ": the framer cut a request varnishd did not answer: "
                            + step.request());
                }
                JsonNode reply = replies.get(used++);
                check(label, step.request(), reply.get("status").asInt(),
                        reply.get("reply").asText());
                checked++;
            }
            assertEquals(replies.size(), used, label + ": replies without a request");
        }

        private void check(String label, CliRequest request, int status, String reply) {
            String body = reply.substring(0, reply.length() - 1);
            checkSyntax(label, request, status, body);
            if (body.endsWith("all commands are in lower-case.\n")) {
                assertTrue(Character.isUpperCase(request.argv().get(0).charAt(0)), label);
            }
            Matcher vcl = NO_VCL_NAMED.matcher(body);
            if (vcl.matches()) {
                assertTrue(request.argv().contains(vcl.group(1)), label);
            }

            boolean authenticated = framer.isAuthenticated();
            if (!request.argv().isEmpty() && request.argv().get(0).equals("auth")
                    && status == CliStatus.OK) {
                authenticated = true;
            }
            closed = status == CliStatus.CLOSE || !authenticated && status != CliStatus.OK;
            framer.setAuthenticated(authenticated);
        }

        private void checkSyntax(String label, CliRequest request, int status, String body) {
            String marker = "Syntax Error: ";
            int at = body.indexOf(marker);
            if (status == CliStatus.SYNTAX && at >= 0) {
                String error = body.substring(at + marker.length(), body.length() - 1);
                if (dialect == Dialect.TRUNK && error.equals(CliTokenizer.MISSING_SEPARATOR)) {
                    // Trunk accepts quoted words separated by white space.
                    assertNull(request.syntaxError(), label);
                    List<String> words = Arrays.asList(request.text().replace("\"", "")
                            .split(" +"));
                    assertEquals(words, request.argv(), label);
                    return;
                }
                assertEquals(error, request.syntaxError(), label);
                return;
            }
            assertNull(request.syntaxError(), label);
            if (body.endsWith("Empty CLI command.\n")) {
                assertEquals(List.of(), request.argv(), label);
            } else {
                assertFalse(request.argv().isEmpty(), label);
            }
        }

        private static byte[] sent(JsonNode entry) {
            if (!entry.has("sent_desc")) {
                return WireGolden.bytes(entry.get("sent").asText());
            }
            Matcher m = ABBREVIATED.matcher(entry.get("sent_desc").asText());
            assertTrue(m.matches(), "unknown abbreviation " + entry.get("sent_desc"));
            String text = m.group(1) + m.group(2).repeat(Integer.parseInt(m.group(3))) + "\n";
            return WireGolden.bytes(text);
        }
    }
}
