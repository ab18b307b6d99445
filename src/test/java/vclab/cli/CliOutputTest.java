package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CliOutputTest {
    private static CliOutput output(int limit) {
        return new CliOutput(Dialect.V7_1, () -> limit);
    }

    @Test
    void writeStartedBelowLimitCompletes() {
        CliOutput out = output(128);
        out.print("a".repeat(100));
        out.print("b".repeat(50));
        assertEquals(150, out.length());
        assertEquals(CliStatus.OK, out.status());
    }

    @Test
    void droppedWriteTurns200Into201() {
        CliOutput out = output(128);
        out.print("a".repeat(150));
        out.print("c");
        assertEquals(150, out.length());
        assertEquals(CliStatus.TRUNCATED, out.status());
    }

    @Test
    void replyCutsToLimitMinusOne() {
        CliOutput out = output(128);
        out.print("a".repeat(150));
        CliReply reply = out.reply();
        assertEquals(CliStatus.TRUNCATED, reply.status());
        assertEquals(127, reply.body().length());
    }

    @Test
    void exactLimitThenDroppedWriteKeepsLength() {
        CliOutput out = output(128);
        out.print("a".repeat(128));
        out.print("b");
        CliReply reply = out.reply();
        assertEquals(CliStatus.TRUNCATED, reply.status());
        assertEquals(128, reply.body().length());
    }

    @Test
    void errorStatusSurvivesTheCut() {
        // The golden transcript's 100 000-byte vcl.use name: 106 and a body of cli_limit - 1.
        JsonNode entry = GoldenFiles.entry("errors", "very long line: vcl.use + 100000 x 'a'");
        CliOutput out = output(48 * 1024);
        out.setStatus(CliStatus.PARAM);
        out.print("No VCL named " + "a".repeat(100000) + " known\n");
        CliReply reply = out.reply();
        assertEquals(entry.get("status").asInt(), reply.status());
        assertEquals(entry.get("length").asInt(), reply.body().length());
    }

    @Test
    void setStatusKeepsTruncation() {
        CliOutput out = output(128);
        out.print("a".repeat(128));
        out.print("b");
        out.setStatus(CliStatus.OK);
        assertEquals(CliStatus.TRUNCATED, out.status());
        out.setStatus(CliStatus.PARAM);
        assertEquals(CliStatus.PARAM, out.status());
    }

    @Test
    void appendIgnoresLimit() {
        CliOutput out = output(128);
        out.print("a".repeat(128));
        out.append("xyz");
        assertEquals(131, out.length());
        assertEquals(CliStatus.OK, out.status());
    }

    @Test
    void indentOnlyAtStartOfWrite() {
        CliOutput out = output(1000);
        out.print("{\n");
        out.indent(2);
        out.print("\"a\": 1,\n\"b\": 2\n");
        out.print("}");
        assertEquals("{\n  \"a\": 1,\n\"b\": 2\n  }", out.text());
    }

    @Test
    void emptyPrintIndentsButEmptyAppendDoesNot() {
        CliOutput printed = output(1000);
        printed.indent(2);
        printed.print("");
        assertEquals("  ", printed.text());
        CliOutput appended = output(1000);
        appended.indent(2);
        appended.append("");
        assertEquals("", appended.text());
    }

    @Test
    void jsonEnvelopeMatchesPingGolden() {
        JsonNode entry = GoldenFiles.entry("basic", "ping -j");
        String body = GoldenFiles.body(entry);
        Matcher stamp = Pattern.compile("\\], (\\d+\\.\\d{3}),").matcher(body);
        assertTrue(stamp.find(), "no timestamp in " + body);
        double time = Double.parseDouble(stamp.group(1));
        CliOutput out = output(48 * 1024);
        out.jsonBegin(2, List.of("ping", "-j"), time);
        out.print(", \"PONG\"\n");
        out.jsonEnd();
        assertEquals(body, out.reply().body());
    }

    @Test
    void jsonStringIsQuotedPerDialect() {
        CliOutput v71 = new CliOutput(Dialect.V7_1, () -> 1000);
        v71.jsonString("x\u000by");
        assertEquals("\"x\\vy\"", v71.text());
        CliOutput trunk = new CliOutput(Dialect.TRUNK, () -> 1000);
        trunk.jsonString("x\u000by");
        assertEquals("\"x\\u000by\"", trunk.text());
    }
}
