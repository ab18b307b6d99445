package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CliProtocolTest {

    private static String frame(int status, String body) {
        return new String(CliProtocol.encodeReply(new CliReply(status, body)),
                CliProtocol.CHARSET);
    }

    private static CliReply read(String wire) throws IOException {
        return CliProtocol.readReply(new ByteArrayInputStream(WireGolden.bytes(wire)));
    }

    private static String failure(String wire) {
        return assertThrows(CliProtocol.CommsException.class, () -> read(wire)).getMessage();
    }

    @Test
    void encodesTheSpecExamples() {
        assertEquals("200 19      \nPONG 1700000000 1.0\n", frame(200, "PONG 1700000000 1.0"));
        assertEquals("200 0       \n\n", frame(200, ""));
        assertEquals("104 19      \nToo few parameters\n\n", frame(104, "Too few parameters\n"));
    }

    @Test
    void encodingCountsBytesNotChars() {
        assertEquals("200 2       \n\u00e9\u00ff\n", frame(200, "\u00e9\u00ff"));
    }

    @Test
    void encodingEndsTheBodyAtNul() {
        assertEquals("200 2       \nab\n", frame(200, "ab\0cd"));
    }

    @Test
    void encodingRejectsStatusOutsideThreeDigits() {
        assertThrows(IllegalArgumentException.class, () -> frame(99, ""));
        assertThrows(IllegalArgumentException.class, () -> frame(1000, ""));
    }

    @Test
    void readsEveryGoldenReplyOfTheErrorsTopic() throws IOException {
        int read = 0;
        for (var entry : WireGolden.topic("errors")) {
            if (!entry.has("header") || entry.has("reply_desc")) {
                continue;
            }
            CliReply reply = read(entry.get("header").asText() + entry.get("reply").asText());
            assertEquals(entry.get("status").asInt(), reply.status());
            String body = entry.get("reply").asText();
            assertEquals(body.substring(0, body.length() - 1), reply.body());
            read++;
        }
        assertEquals(true, read > 40, "replies read: " + read);
    }

    @Test
    void readsSeveralRepliesFromOneStream() throws IOException {
        InputStream in = new ByteArrayInputStream(WireGolden.bytes(
                frame(200, "a") + frame(101, "b\n") + frame(500, "")));
        assertEquals(new CliReply(200, "a"), CliProtocol.readReply(in));
        assertEquals(new CliReply(101, "b\n"), CliProtocol.readReply(in));
        assertEquals(new CliReply(500, ""), CliProtocol.readReply(in));
    }

    @Test
    void extraSpacesInTheHeaderAreTolerated() throws IOException {
        assertEquals(new CliReply(200, "ab"), read("200   2     \nab\n"));
    }

    @Test
    void shortHeaderIsAHeaderError() {
        assertEquals(CliProtocol.HEADER_ERROR, failure(""));
        assertEquals(CliProtocol.HEADER_ERROR, failure("200 2"));
    }

    @Test
    void misplacedSeparatorsAreHeaderErrors() {
        assertEquals(CliProtocol.HEADER_ERROR, failure("2000 2      \nab\n"));
        assertEquals(CliProtocol.HEADER_ERROR, failure("200 2       xab\n"));
    }

    @Test
    void missingNumbersAreHeaderErrors() {
        assertEquals(CliProtocol.HEADER_ERROR, failure("200 abc     \nab\n"));
        assertEquals(CliProtocol.HEADER_ERROR, failure("abc 2       \nab\n"));
        assertEquals(CliProtocol.HEADER_ERROR, failure("200 -2      \nab\n"));
    }

    @Test
    void shortBodyIsABodyError() {
        assertEquals(CliProtocol.BODY_ERROR, failure("200 5       \nab\n"));
    }

    @Test
    void bodyWithoutClosingNewlineIsABodyError() {
        assertEquals(CliProtocol.BODY_ERROR, failure("200 2       \nabc"));
    }

    @Test
    void failureReplyHasStatus400() {
        CliProtocol.CommsException e = assertThrows(CliProtocol.CommsException.class,
                () -> read(""));
        assertEquals(new CliReply(CliStatus.COMMS, CliProtocol.HEADER_ERROR), e.toReply());
    }
}
