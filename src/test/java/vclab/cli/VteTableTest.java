package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VteTableTest {
    /**
     * Odd inputs and what varnishd's own table code prints for them, obtained by compiling
     * lib/libvarnish/vte.c of 7.1.1 and of 8.0.0 with a stub output function. In the trunk
     * column, "|" separates the writes; "EXCEPTION" means varnishd fails an assertion.
     */
    private static final String[][] C_REFERENCE = {
        {"abc", "", "abc|"},
        {"a\tb", "", "EXCEPTION"},
        {"a\tb\n", "a   b\n", "a   |b\n|"},
        {" free\n", "", " free\n|"},
        {"a\tb\n free", "a   b\n fre", "a   |b\n free|"},
        {"a\tb\n free\n", "a   b\n free", "a   |b\n free\n|"},
        {"x\n free", "x\n fre", "x\n free|"},
        {"\n", "\n", "\n|"},
        {"\n\n", "\n\n", "\n\n|"},
        {"a\n\tb\n", "a\n    b\n", "a\n    |b\n|"},
        {"\t x\n", "    x\n", "EXCEPTION"},
        {"\u000b1\tb\n\u000b22\tc\n", "\u000b1    b\n\u000b22   c\n", " 1   |b\n|22   |c\n|"},
        {"a\t\u000b\n", "a   \u000b\n", "a   |\n|"},
        {"\u000b\n", "\u000b\n", "\n|"},
        {"a\tb\tc\td\te\tf\tg\th\ti\tj\n", "EXCEPTION", "EXCEPTION"},
        {"a\tb\tc\td\te\tf\tg\n", "a   b    c    d    e    f    g\n",
            "a   |b   |c   |d   |e   |f   |g\n|"},
        {" only\n", "", " only\n|"},
        {"a\tb\n\u000b1\tc\n", "a    b\n\u000b1   c\n", "a   |b\n|1   |c\n|"},
        {"a\t\u000b1\n\u000b2\tb\n", "a    \u000b1\n\u000b2   b\n", "a   |1\n|2   |b\n|"},
        {"a b\tc d\n", "a b   c d\n", "a b   |c d\n|"},
    };

    @TestFactory
    Stream<DynamicTest> oddInputsMatchVarnishCode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : C_REFERENCE) {
            String input = row[0];
            String name = input.replace("\n", "\\n").replace("\t", "\\t")
                    .replace("\u000b", "\\v");
            tests.add(DynamicTest.dynamicTest("7.1 " + name,
                    () -> assertEquals(row[1], rendered71(input))));
            tests.add(DynamicTest.dynamicTest("trunk " + name,
                    () -> assertEquals(row[2], renderedTrunk(input))));
        }
        return tests.stream();
    }

    private static String rendered71(String input) {
        try {
            return VteTable.render(Dialect.V7_1, input, 10);
        } catch (IllegalStateException e) {
            return "EXCEPTION";
        }
    }

    private static String renderedTrunk(String input) {
        try {
            List<String> writes = VteTable.writes(Dialect.TRUNK, input, 7);
            return writes.isEmpty() ? "" : String.join("|", writes) + "|";
        } catch (IllegalStateException e) {
            return "EXCEPTION";
        }
    }

    @Test
    void trunkSelfTestTable() {
        // The table of vte.c's own test driver (8.0.0): three fields, 20 columns.
        String input = "name\tref\tcomment\n"
                + "foo\t\u000b1\tthe foo\n"
                + "bar\t\u000b10\tthe bars\n"
                + "baz\t\u000b0\t\n"
                + "\u000b0\t\u000b0\t\n"
                + "qux\t\u000b-1\tno eol";
        String expected = "name  ref  comment\n"
                + "foo     1  the foo\n"
                + "bar    10  the bars\n"
                + "baz     0  \n"
                + "   0    0  \n"
                + "qux    -1  no eol";
        assertEquals(expected, String.join("", VteTable.writes(Dialect.TRUNK, input, 3, 20)));
    }

    /**
     * Expectations from trunk's varnishtest suite (at commit 27d2ce15b), as regular
     * expressions found in the output, with the vcl.list each test's setup produces.
     */
    @Test
    void trunkTestSuiteExpectations() {
        Map<String, String> cases = Map.of(
                // u00000.vtc: two -f files give boot0 and boot1
                vclList("available", "auto", "warm", 0, "boot0")
                        + vclList("active", "auto", "warm", 0, "boot1"),
                "available   auto   warm   0   boot0\nactive      auto   warm   0   boot1",
                // v00045.vtc: vcl1 cooling while vcl2 is active
                vclList("available", "cold", "cooling", 0, "vcl1")
                        + vclList("active", "auto", "warm", 0, "vcl2"),
                "available   cold   cooling   0   vcl1",
                // r02471.vtc: vcl1 set cold while a request keeps it busy
                vclList("available", "cold", "busy", 1, "vcl1")
                        + vclList("active", "auto", "warm", 0, "vcl2"),
                "cold   busy   [12]   vcl1",
                // v00067.vtc: the manager lists VCLs while the worker is stopped
                "available\tcold\tcold\t-\tvcl_cold\nactive\twarm\twarm\t-\tvcl_warm\n",
                "available *cold *cold *- *vcl_cold");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String output = VteTable.render(Dialect.TRUNK, c.getKey(), 7);
            assertTrue(Pattern.compile(c.getValue()).matcher(output).find(),
                    "no match for /" + c.getValue() + "/ in:\n" + output);
        }
    }

    private static String vclList(String status, String state, String temperature, int busy,
            String name) {
        return status + "\t" + state + "\t" + temperature + "\t"
                + VteTable.busyField(Dialect.TRUNK, busy) + "\t" + name + "\n";
    }

    @Test
    void busyFieldPerDialect() {
        assertEquals("     0", VteTable.busyField(Dialect.V7_1, 0));
        assertEquals("     -", VteTable.busyField(Dialect.V7_1, null));
        assertEquals("\u000b12", VteTable.busyField(Dialect.TRUNK, 12));
        assertEquals("-", VteTable.busyField(Dialect.TRUNK, null));
    }

    @Test
    void tooManyFieldsFails() {
        assertThrows(IllegalStateException.class,
                () -> VteTable.render(Dialect.TRUNK, "a\tb\tc\n", 2));
    }

    @Test
    void printHonoursCliLimit() {
        String table = "available\tauto\twarm\t" + VteTable.busyField(Dialect.V7_1, 0)
                + "\tvcl1\n";
        CliOutput out = new CliOutput(Dialect.V7_1, () -> 10);
        VteTable.print(out, Dialect.V7_1, table, 10);
        CliReply reply = out.reply();
        assertEquals(CliStatus.TRUNCATED, reply.status());
        assertEquals(VteTable.render(Dialect.V7_1, table, 10).substring(0, 10), reply.body());
    }

    /**
     * Every plain vcl.list, vcl.deps and backend.list reply of the golden transcripts: the
     * tab-separated input is recovered from the output (columns are at least two spaces
     * apart, free-text lines start with a space) and laid out again.
     */
    @TestFactory
    Stream<DynamicTest> goldenTablesRoundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode all = GoldenFiles.transcripts();
        all.fieldNames().forEachRemaining(topic -> {
            for (JsonNode entry : all.get(topic)) {
                String sent = entry.path("sent").asText("").trim();
                String command = sent.split(" ")[0];
                boolean table = command.equals("vcl.list") || command.equals("vcl.deps")
                        || command.equals("backend.list");
                if (!table || sent.contains("-j") || entry.path("status").asInt() != 200) {
                    continue;
                }
                String body = GoldenFiles.body(entry);
                String input = tableInput(command, body);
                String name = topic + ": " + entry.get("label").asText();
                tests.add(DynamicTest.dynamicTest(name,
                        () -> assertEquals(body, VteTable.render(Dialect.V7_1, input, 10))));
            }
        });
        assertTrue(tests.size() >= 30, "only " + tests.size() + " golden tables found");
        return tests.stream();
    }

    private static String tableInput(String command, String body) {
        StringBuilder input = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith(" ") || line.isEmpty()) {
                input.append(line).append('\n');
                continue;
            }
            String[] fields = line.split(" {2,}");
            if (command.equals("vcl.list")) {
                Integer busy = fields[3].equals("-") ? null : Integer.valueOf(fields[3]);
                fields[3] = VteTable.busyField(Dialect.V7_1, busy);
            }
            input.append(String.join("\t", fields)).append('\n');
        }
        // The split leaves one empty piece after the body's final newline.
        return input.substring(0, input.length() - 1);
    }
}
