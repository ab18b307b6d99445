package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dispatch checks and help in both dialects. The trunk texts follow vcli_serve.c of 8.0.0;
 * 7.1's are checked against the golden transcripts and a real varnishd elsewhere.
 */
class CliDispatcherTest {
    private static final String UNKNOWN = CliOutput.UNKNOWN_REQUEST;

    private static CliReply request(TestVarnish varnish, CliRequest request) {
        return varnish.manager.dispatch(new CliSession("test", true), request);
    }

    @Test
    void trunkSyntaxErrorAlone() {
        CliReply reply = request(new TestVarnish(Dialect.TRUNK),
                new CliRequest(List.of(), "Missing '\"'", "x \""));
        assertEquals(CliStatus.SYNTAX, reply.status());
        assertEquals("Syntax Error: Missing '\"'\n", reply.body());
    }

    @Test
    void v71SyntaxErrorAfterUnknownText() {
        CliReply reply = request(new TestVarnish(Dialect.V7_1),
                new CliRequest(List.of(), "Missing '\"'", "x \""));
        assertEquals(CliStatus.SYNTAX, reply.status());
        assertEquals(UNKNOWN + "Syntax Error: Missing '\"'\n", reply.body());
    }

    @Test
    void trunkEmptyCommand() {
        CliReply reply = new TestVarnish(Dialect.TRUNK).send();
        assertEquals(CliStatus.SYNTAX, reply.status());
        assertEquals("Empty CLI command.\n", reply.body());
    }

    @Test
    void trunkRejectsAnyNonLowerCaseStart() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        for (String word : List.of("VCL.LIST", "1abc", "_x", "")) {
            CliReply reply = varnish.send(word);
            assertEquals(CliStatus.UNKNOWN, reply.status(), word);
            assertEquals("All commands are in lower-case.\n", reply.body(), word);
        }
    }

    @Test
    void v71LowerCaseTextOnlyForUpperCase() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1);
        assertEquals(UNKNOWN + "all commands are in lower-case.\n", varnish.send("Ping").body());
        assertEquals(UNKNOWN, varnish.send("1abc").body());
        assertEquals(CliStatus.UNKNOWN, varnish.send("1abc").status());
    }

    @Test
    void unauthenticatedSeesFourCommands() {
        for (Dialect dialect : Dialect.values()) {
            TestVarnish varnish = new TestVarnish(dialect);
            varnish.childRunning = false;
            CliSession session = new CliSession("test", false);
            CliReply help = varnish.send(session, "help");
            assertEquals("auth <response>\nhelp [-j|<command>]\nping [-j] [<timestamp>]\nquit\n",
                    help.body(), dialect.label());
            CliReply banner = varnish.send(session, "banner");
            assertEquals(CliStatus.UNKNOWN, banner.status(), dialect.label());
            assertEquals(UNKNOWN, banner.body(), dialect.label());
        }
    }

    @Test
    void unknownCommandWithoutWorker() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        varnish.childRunning = false;
        CliReply reply = varnish.send("vcl.show", "-j");
        assertEquals(CliStatus.UNKNOWN, reply.status());
        assertEquals(CliDispatcher.CHILD_NOT_RUNNING, reply.body());
    }

    @Test
    void unknownCommandGoesToWorker() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        CliReply reply = varnish.send("nosuch", "a", "b");
        assertEquals(List.of("nosuch", "a", "b"), varnish.lastForwarded.argv());
        assertEquals(CliStatus.UNKNOWN, reply.status());
        assertEquals(UNKNOWN, reply.body());
    }

    @Test
    void jsonOnlyWhenFirstArgumentIsDashJ() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        assertEquals(CliStatus.TOOMANY, varnish.send("ping", "x", "-j").status());
        assertTrue(varnish.send("ping", "-j", "x").body().startsWith("[ 2, [\"ping\""));
        assertEquals("PONG 1796394936 1.0", varnish.send("ping", "-jx").body());
    }

    @Test
    void argumentLimitsCountDashJ() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        CliReply few = varnish.send("param.set", "-j", "x");
        assertEquals(CliStatus.TOOFEW, few.status());
        assertEquals("Too few parameters\n", few.body());
        CliReply many = varnish.send("vcl.list", "-j", "x");
        assertEquals(CliStatus.TOOMANY, many.status());
        assertEquals("Too many parameters\n", many.body());
    }

    @Test
    void missingHandlerIsUnimplemented() {
        CliDispatcher dispatcher = new CliDispatcher(CliCommandTable.worker(Dialect.TRUNK),
                new TestVarnish(Dialect.TRUNK).manager.host());
        CliSession session = new CliSession("test", true);
        CliReply plain = dispatcher.dispatch(session,
                new CliRequest(List.of("vcl.list"), null, "vcl.list"));
        assertEquals(CliStatus.UNIMPL, plain.status());
        assertEquals("Unimplemented\n", plain.body());
        CliReply json = dispatcher.dispatch(session,
                new CliRequest(List.of("vcl.list", "-j"), null, "vcl.list -j"));
        assertEquals(CliStatus.UNIMPL, json.status());
        assertEquals("JSON unimplemented\n", json.body());
    }

    @Test
    void paramResetJsonOnlyInTrunk() {
        CliReply v71 = new TestVarnish(Dialect.V7_1).send("param.reset", "-j", "cli_limit");
        assertEquals(CliStatus.UNIMPL, v71.status());
        assertEquals("JSON unimplemented\n", v71.body());
        CliReply trunk = new TestVarnish(Dialect.TRUNK).send("param.reset", "-j", "cli_limit");
        assertEquals(CliStatus.OK, trunk.status());
        assertTrue(trunk.body().startsWith("[ 2, [\"param.reset\", \"-j\", \"cli_limit\"], "));
    }

    @Test
    void helpFlagsAndTopics() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK);
        varnish.childRunning = false;
        CliReply flag = varnish.send("help", "-x");
        assertEquals(CliStatus.UNKNOWN, flag.status());
        assertEquals("Unknown flag\n", flag.body());
        CliReply topic = varnish.send("help", "vcl.state");
        assertEquals("vcl.state <configname> auto|cold|warm\n"
                + "  Force the state of the named configuration.\n", topic.body());
        CliReply debug = varnish.send("help", "-d");
        assertEquals("debug.panic.master\nvcl.symtab\n", debug.body());
    }

    @Test
    void hiddenCommandStaysOutOfListings() {
        TestVarnish plain = new TestVarnish(Dialect.V7_1);
        TestVarnish extended = new TestVarnish(Dialect.V7_1);
        CliCommand hidden = new CliCommand("debug.vclab", "debug.vclab <what>",
                "Show vclab's model state.", 0, 1, "d", true, false, true);
        extended.worker.table().register(hidden);
        extended.worker.register("debug.vclab", call -> call.out().print("state"));
        for (String[] command : List.of(new String[] {"help"}, new String[] {"help", "-a"},
                new String[] {"help", "-d"}, new String[] {"help", "-j"})) {
            String expected = GoldenReplayTest.mask(plain.send(command).body());
            String actual = GoldenReplayTest.mask(extended.send(command).body());
            assertEquals(expected, actual, String.join(" ", command));
        }
        assertEquals("debug.vclab <what>\nShow vclab's model state.\n",
                extended.send("help", "debug.vclab").body());
        assertEquals("state", extended.send("debug.vclab").body());
    }

    @Test
    void wildcardNeverListed() {
        CliCommandTable table = CliCommandTable.manager(Dialect.V7_1);
        assertNull(table.lookup("*", true));
        assertTrue(table.visible(true).stream().noneMatch(c -> c.name().equals("*")));
    }

    @Test
    void workerHelpAndPingCarryFlagI() {
        String help = new TestVarnish(Dialect.TRUNK).send("help", "-j").body();
        assertTrue(help.contains("\"request\": \"help\",\n    \"syntax\": \"help [-j|<command>]\","
                + "\n    \"help\": \"Show command/protocol help.\",\n    \"minarg\": 0,\n"
                + "    \"maxarg\": 1,\n    \"flags\": \"i\""), help);
    }

    @Test
    void quitClosesWith500() {
        CliReply reply = new TestVarnish(Dialect.TRUNK).send("quit");
        assertEquals(CliStatus.CLOSE, reply.status());
        assertEquals("Closing CLI connection", reply.body());
    }
}
