package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CliFramerTest {

    private static CliFramer framer(boolean authenticated) {
        CliFramer framer = new CliFramer(Dialect.V7_1);
        framer.setAuthenticated(authenticated);
        return framer;
    }

    private static List<CliRequest> feed(CliFramer framer, String text) {
        byte[] bytes = WireGolden.bytes(text);
        return framer.feed(bytes, 0, bytes.length);
    }

    private static List<List<String>> argvs(List<CliRequest> requests) {
        List<List<String>> result = new ArrayList<>();
        for (CliRequest request : requests) {
            result.add(request.argv());
        }
        return result;
    }

    @Test
    void blankLinesYieldNothing() {
        CliFramer framer = framer(true);
        assertEquals(List.of(), feed(framer, "\n   \n\r\n\t\n"));
        assertFalse(framer.hasPartialRequest());
    }

    @Test
    void crLfAndCrEndLines() {
        CliFramer framer = framer(true);
        List<CliRequest> requests = feed(framer, "ping\r\nping\rping\n");
        assertEquals(List.of(List.of("ping"), List.of("ping"), List.of("ping")),
                argvs(requests));
    }

    @Test
    void pipelinedLinesComeOutInOrder() {
        List<CliRequest> requests = feed(framer(true), "a 1\nb 2\nc 3\n");
        assertEquals(List.of(List.of("a", "1"), List.of("b", "2"), List.of("c", "3")),
                argvs(requests));
    }

    @Test
    void lineWithoutTerminatorIsPartial() {
        CliFramer framer = framer(true);
        assertEquals(List.of(), feed(framer, "  ping"));
        assertTrue(framer.hasPartialRequest());
        assertEquals(List.of(List.of("ping")), argvs(feed(framer, "\n")));
        assertFalse(framer.hasPartialRequest());
    }

    @Test
    void leadingDashIsDropped() {
        List<CliRequest> requests = feed(framer(true), "-ping\n-\n--x\n");
        assertEquals(List.of(List.of("ping"), List.of(), List.of("-x")), argvs(requests));
        assertEquals("-ping", requests.get(0).text());
        assertNull(requests.get(1).syntaxError());
    }

    @Test
    void syntaxErrorGivesEmptyArgv() {
        CliRequest request = feed(framer(true), "vcl.use a\"b\n").get(0);
        assertEquals(CliTokenizer.INVALID_QUOTE, request.syntaxError());
        assertEquals(List.of(), request.argv());
        assertEquals("vcl.use a\"b", request.text());
    }

    @Test
    void preAuthLineIsCutAt80Bytes() {
        String line = "help " + "x".repeat(95) + "\n";
        List<CliRequest> requests = feed(framer(false), line);
        assertEquals(List.of(List.of("help", "x".repeat(75)), List.of("x".repeat(19))),
                argvs(requests));
    }

    @Test
    void eightyByteLineBeforeAuthIsWhole() {
        String line = "ping " + "y".repeat(75);
        List<CliRequest> requests = feed(framer(false), line + "\n");
        assertEquals(List.of(List.of("ping", "y".repeat(75))), argvs(requests));
    }

    @Test
    void longLinesAfterAuthAreWhole() {
        String word = "a".repeat(100_000);
        List<CliRequest> requests = feed(framer(true), "vcl.use " + word + "\n");
        assertEquals(List.of(List.of("vcl.use", word)), argvs(requests));
    }

    @Test
    void hereDocumentBecomesTheLastArgument() {
        List<CliRequest> requests = feed(framer(true),
                "vcl.inline x << EOF\nvcl 4.1;\nbackend default none;\nEOF\nping\n");
        assertEquals(List.of(List.of("vcl.inline", "x", "vcl 4.1;\nbackend default none;\n"),
                List.of("ping")), argvs(requests));
    }

    @Test
    void emptyHereDocument() {
        List<CliRequest> requests = feed(framer(true), "ping << EOF\nEOF\n");
        assertEquals(List.of(List.of("ping", "")), argvs(requests));
    }

    @Test
    void terminatorCountsAnywhereInALine() {
        List<CliRequest> requests = feed(framer(true), "x << EOF\nabc;EOF\n");
        assertEquals(List.of(List.of("x", "abc;")), argvs(requests));
    }

    @Test
    void terminatorFollowedByTextIsBody() {
        List<CliRequest> requests = feed(framer(true), "x << EOF\nxEOFy\nEOF\n");
        assertEquals(List.of(List.of("x", "xEOFy\n")), argvs(requests));
    }

    @Test
    void noBackTrackingAfterAPartialMatch() {
        CliFramer framer = framer(true);
        assertEquals(List.of(), feed(framer, "x << EOF\nEEOF\nEOFEOF\n"));
        assertTrue(framer.hasPartialRequest());
        List<CliRequest> requests = feed(framer, "EOF\n");
        assertEquals(List.of(List.of("x", "EEOF\nEOFEOF\n")), argvs(requests));
    }

    @Test
    void terminatorEndsWithCrToo() {
        List<CliRequest> requests = feed(framer(true), "x << END\r\nbody\rEND\r\nping\n");
        assertEquals(List.of(List.of("x", "\nbody\r"), List.of("ping")), argvs(requests));
    }

    @Test
    void onlyTheLastMarkerOpensAHereDocument() {
        List<CliRequest> requests = feed(framer(true), "a << E1 << E2\nbody\nE2\n");
        assertEquals(List.of(List.of("a", "<<", "E1", "body\n")), argvs(requests));
    }

    @Test
    void quotedMarkerStillCounts() {
        List<CliRequest> requests = feed(framer(true), "a \"<<\" E\nb\nE\n");
        assertEquals(List.of(List.of("a", "b\n")), argvs(requests));
    }

    @Test
    void markerWithoutWordOrEmptyWordIsOrdinary() {
        List<CliRequest> requests = feed(framer(true), "a <<EOF\na <<\na << \"\"\n<< EOF\n");
        assertEquals(List.of(List.of("a", "<<EOF"), List.of("a", "<<"),
                List.of("a", "<<", "")), argvs(requests).subList(0, 3));
        assertEquals(List.of("q\n"), feed(framer(true), "<< EOF\nq\nEOF\n").get(0).argv());
    }

    @Test
    void hereDocumentNeedsAuthentication() {
        List<CliRequest> requests = feed(framer(false), "ping << EOF\nEOF\n");
        assertEquals(List.of(List.of("ping", "<<", "EOF"), List.of("EOF")), argvs(requests));
    }

    @Test
    void hereDocumentBodyIsNotUnescaped() {
        List<CliRequest> requests = feed(framer(true), "x << EOF\na\\\"b\\q \"\nEOF\n");
        assertEquals(List.of(List.of("x", "a\\\"b\\q \"\n")), argvs(requests));
    }

    @Test
    void nulInHereDocumentEndsTheArgument() {
        List<CliRequest> requests = feed(framer(true), "x << EOF\nab\0cd\nEOF\n");
        assertEquals(List.of(List.of("x", "ab")), argvs(requests));
    }

    @Test
    void nulAfterFullTerminatorIsBody() {
        CliFramer framer = framer(true);
        assertEquals(List.of(), feed(framer, "x << EOF\nEOF\0"));
        List<CliRequest> requests = feed(framer, "z\nEOF\n");
        assertEquals(List.of(List.of("x", "EOF")), argvs(requests));
        assertFalse(framer.hasPartialRequest());
    }

    @Test
    void hereDocumentTextKeepsTheWholeRequest() {
        CliRequest request = feed(framer(true), "x << EOF\nbody\nEOF\n").get(0);
        assertEquals("x << EOF\nbody\nEOF", request.text());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anyChunkingGivesTheSameRequests(Dialect dialect) {
        String input = "ping\r\n  vcl.inline h << EOF\nvcl 4.1;\rEOFx\nEEOF\n\nEOF\n-\n"
                + "\"a\" \"b\"\nx << Z\nZ\rtail\n";
        byte[] bytes = WireGolden.bytes(input);
        CliFramer whole = new CliFramer(dialect);
        whole.setAuthenticated(true);
        List<CliRequest> expected = whole.feed(bytes, 0, bytes.length);

        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            CliFramer framer = new CliFramer(dialect);
            framer.setAuthenticated(true);
            List<CliRequest> got = new ArrayList<>();
            int offset = 0;
            while (offset < bytes.length) {
                int length = 1 + random.nextInt(Math.min(7, bytes.length - offset));
                got.addAll(framer.feed(bytes, offset, length));
                offset += length;
            }
            assertEquals(expected, got, "round " + round);
        }
        assertEquals(6, expected.size());
    }

    @Test
    void feedOneStopsAfterTheFirstRequest() {
        CliFramer framer = framer(false);
        byte[] bytes = WireGolden.bytes("auth x\nping << EOF\nEOF\n");
        CliFramer.Step step = framer.feedOne(bytes, 0, bytes.length);
        assertEquals(7, step.consumed());
        assertEquals(List.of("auth", "x"), step.request().argv());

        framer.setAuthenticated(true);
        List<CliRequest> rest = framer.feed(bytes, 7, bytes.length - 7);
        assertEquals(List.of(List.of("ping", "")), argvs(rest));
    }

    @Test
    void tooLongLineThrows() {
        CliFramer framer = new CliFramer(Dialect.V7_1, 100);
        framer.setAuthenticated(true);
        byte[] bytes = WireGolden.bytes("x".repeat(101));
        CliFramer.RequestTooLongException e = assertThrows(
                CliFramer.RequestTooLongException.class,
                () -> framer.feed(bytes, 0, bytes.length));
        assertEquals(100, e.limit());
        assertFalse(framer.hasPartialRequest());
    }

    @Test
    void lineAtTheLimitPasses() {
        CliFramer framer = new CliFramer(Dialect.V7_1, 100);
        framer.setAuthenticated(true);
        byte[] bytes = WireGolden.bytes("x".repeat(100) + "\n");
        assertEquals(1, framer.feed(bytes, 0, bytes.length).size());
    }

    @Test
    void tooLongHereDocumentThrows() {
        CliFramer framer = new CliFramer(Dialect.V7_1, 100);
        framer.setAuthenticated(true);
        byte[] bytes = WireGolden.bytes("x << EOF\n" + "y".repeat(99) + "EO");
        assertThrows(CliFramer.RequestTooLongException.class,
                () -> framer.feed(bytes, 0, bytes.length));
    }

    @Test
    void unauthenticatedSessionIsBoundedByEightyBytes() {
        CliFramer framer = new CliFramer(Dialect.V7_1, 100);
        byte[] bytes = WireGolden.bytes("z".repeat(1000) + "\n");
        List<CliRequest> requests = framer.feed(bytes, 0, bytes.length);
        assertEquals(13, requests.size());
    }
}
