package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.cli.CliReply;
import vclab.cli.CliStatus;

/**
 * The argument checks of vclab's debug.inject, debug.dns and debug.req: a value that could
 * never work gets 106 and a message that names it, when the command is sent.
 */
class RaceCommandChecksTest {
    /** A command line and a word its 106 reply must contain. */
    private record Case(String line, String named) {
    }

    private static final List<Case> REJECTED = List.of(
            new Case("debug.inject vcl_send_event.inside barrier bb event=LOAD", "'bb'"),
            new Case("debug.inject vcl_send_event.inside wait nosuch.point", "'nosuch.point'"),
            new Case("debug.inject vcl_send_event.inside delay 1s event=FROB", "event=FROB"),
            new Case("debug.inject vcl_send_event.inside delay 1s times=0", "times=0"),
            new Case("debug.inject vcl_send_event.inside delay 99999999999999999999s",
                    "99999999999999999999s"),
            new Case("debug.dns example.com 999.1.1.1", "'999.1.1.1'"),
            new Case("debug.dns example.com ::::::1", "'::::::1'"),
            new Case("debug.dns example.com not-an-ip", "'not-an-ip'"),
            new Case("debug.dns example.com 1.2.3.4 at=99999999999999999999s",
                    "99999999999999999999s"),
            new Case("debug.dns \"\" 1.2.3.4", "''"),
            new Case("debug.barrier meet 0", "'0'"),
            new Case("debug.barrier meet two", "'two'"));

    private static final List<String> ACCEPTED = List.of(
            "debug.inject vcl_send_event.inside wait vcl_send_event.after",
            "debug.inject vcl_send_event.inside delay 1s event=load times=1",
            "debug.dns example.com 192.0.2.1 2001:db8::1 ::ffff:192.0.2.2 latency=1s");

    @Test
    void invalidValuesGet106() throws Exception {
        try (TestModel model = TestModel.start()) {
            for (Case c : REJECTED) {
                CliReply reply = model.call(c.line());
                assertEquals(CliStatus.PARAM, reply.status(), c.line() + ": " + reply.body());
                assertTrue(reply.body().contains(c.named()), c.line() + ": " + reply.body());
            }
        }
    }

    @Test
    void overlongHoldGets106() throws Exception {
        try (TestModel model = TestModel.start(false, "-b", "none")) {
            CliReply reply = model.call("debug.req / hold=99999999999999999999s");
            assertEquals(CliStatus.PARAM, reply.status(), reply.body());
            assertTrue(reply.body().contains("99999999999999999999s"), reply.body());
        }
    }

    @Test
    void validValuesGet200() throws Exception {
        try (TestModel model = TestModel.start()) {
            for (String line : ACCEPTED) {
                CliReply reply = model.call(line);
                assertEquals(CliStatus.OK, reply.status(), line + ": " + reply.body());
            }
        }
    }

    @Test
    void declaredBarrierCanBeInjected() throws Exception {
        try (TestModel model = TestModel.start()) {
            assertEquals(CliStatus.OK, model.call("debug.barrier meet 2").status());
            CliReply reply = model.call("debug.inject vcl_send_event.inside barrier meet");
            assertEquals(CliStatus.OK, reply.status(), reply.body());
        }
    }

    @Test
    void rejectedAddressesLeaveNoName() throws Exception {
        try (TestModel model = TestModel.start()) {
            model.call("debug.dns example.com 192.0.2.1 not-an-ip");
            assertEquals("No names.\n", model.call("debug.dns").body());
        }
    }

    @Test
    void releaseHelpMentionsLaterPauses() throws Exception {
        try (TestModel model = TestModel.start()) {
            String help = model.call("help debug.release").body();
            assertTrue(help.contains("a later pause of that name passes at once"), help);
        }
    }
}
