package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliReply;
import vclab.cli.CliStatus;
import vclab.testing.OwnThread;

/**
 * Stepping with injections in the embedded model: a delay costs its virtual time, a pause
 * holds the command until {@code debug.release}, and vclab's own commands are answered while
 * the manager is held. Most tests use the manager's {@code mgt.between_commands}, which needs
 * no VCL; the last two step through a VCL's WARM event.
 */
class SteppingTest {
    private static final Pattern CLOCK = Pattern.compile("virtual time (\\d+\\.\\d+) s");

    @TempDir
    Path dir;

    private static CliReply call(CliChannel channel, TestModel model, String line)
            throws Exception {
        return channel.send(model.request(line)).get();
    }

    /** Returns the virtual time debug.clock shows, in microseconds. */
    private static long clock(CliChannel channel, TestModel model) throws Exception {
        Matcher m = CLOCK.matcher(call(channel, model, "debug.clock").body());
        assertTrue(m.find(), "no virtual time in debug.clock");
        return new BigDecimal(m.group(1)).movePointRight(6).longValueExact();
    }

    /** Real-time mode, the default: with --virtual-time the clock never reaches the delay. */
    @Test
    void delayCostsItsVirtualTime() throws Exception {
        try (TestModel model = TestModel.start(true)) {
            CliChannel channel = model.channel();
            String inject = "debug.inject mgt.between_commands delay 100ms times=1";
            assertEquals(CliStatus.OK, call(channel, model, inject).status());
            long before = clock(channel, model);
            assertEquals(CliStatus.OK, call(channel, model, "status").status());
            long after = clock(channel, model);
            assertTrue(after - before >= 100_000, before + " -> " + after);
        }
    }

    @Test
    void virtualTimeStandsStillWithoutDelay() throws Exception {
        try (TestModel model = TestModel.start(false)) {
            CliChannel channel = model.channel();
            long before = clock(channel, model);
            call(channel, model, "status");
            assertEquals(before, clock(channel, model));
        }
    }

    /**
     * Waits until the manager is held by the pause. vclab's commands are answered at once,
     * so one sent right after the command can still see the manager before the point.
     */
    private static String awaitHeld(TestModel model, String name) throws Exception {
        long deadline = System.nanoTime() + VirtualTerminal.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            String threads = model.call("debug.threads").body();
            if (threads.contains("debug.release " + name)) {
                return threads;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the manager never reached the pause " + name);
    }

    @Test
    void pauseHoldsUntilRelease() throws Exception {
        try (TestModel model = TestModel.start(false)) {
            CliChannel channel = model.channel();
            call(channel, model, "debug.trace on");
            call(channel, model, "debug.inject mgt.between_commands pause p1 times=1");
            CompletableFuture<CliReply> ping = channel.send(model.request("ping"));

            String threads = awaitHeld(model, "p1");
            assertTrue(threads.contains("mgt test: waits on debug.release p1"), threads);
            assertTrue(call(channel, model, "debug.clock").body().startsWith("virtual time"));
            assertFalse(ping.isDone());
            assertEquals(1, channel.outstanding());

            assertEquals(CliStatus.OK, call(channel, model, "debug.release p1").status());
            assertTrue(ping.get().body().startsWith("PONG "), ping.get().body());
            CliReply trace = call(channel, model, "debug.trace json");
            assertEquals(CliStatus.OK, trace.status());
            assertTrue(new ObjectMapper().readTree(trace.body()).isArray(), trace.body());
            CliReply panic = call(channel, model, "panic.show");
            assertEquals(model.call("panic.show"), panic);
        }
    }

    private static final String DEBUG_VCL = "vcl.inline v2 << EOF\nvcl 4.1;\nimport debug;\n"
            + "backend default none;\nEOF";

    /** Returns the times of the trace lines in microseconds, from their first column. */
    private static List<Long> micros(List<String> lines) {
        List<Long> times = new ArrayList<>();
        for (String line : lines) {
            String seconds = line.strip().split("\\s+")[0];
            times.add(new BigDecimal(seconds).movePointRight(6).longValueExact());
        }
        return times;
    }

    @Test
    void warmEventDelayShowsInTrace() throws Exception {
        try (TestModel model = TestModel.start(true, "-b", "none")) {
            CliChannel channel = model.channel();
            call(channel, model, "debug.trace on");
            assertEquals(CliStatus.OK, call(channel, model, DEBUG_VCL).status());
            assertEquals(CliStatus.OK, call(channel, model, "vcl.state v2 cold").status());
            call(channel, model,
                    "debug.inject vcl_send_event.inside delay 100ms event=WARM vcl=v2");
            assertEquals(CliStatus.OK, call(channel, model, "vcl.state v2 warm").status());

            List<String> lines = List.of(call(channel, model, "debug.trace").body().split("\n"));
            int warm = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches(".*vmod +v2 debug WARM")) {
                    warm = i;
                }
            }
            assertTrue(warm >= 0, String.join("\n", lines));
            assertTrue(warm + 1 < lines.size(), String.join("\n", lines));
            List<Long> times = micros(lines.subList(warm, warm + 2));
            assertTrue(times.get(1) - times.get(0) >= 100_000, String.join("\n", lines));
        }
    }

    @Test
    void pauseInsideWarmEvent() throws Exception {
        try (TestModel model = TestModel.start(true, "-b", "none")) {
            CliChannel channel = model.channel();
            assertEquals(CliStatus.OK, call(channel, model, DEBUG_VCL).status());
            assertEquals(CliStatus.OK, call(channel, model, "vcl.state v2 cold").status());
            call(channel, model, "debug.inject vcl_send_event.inside pause w1 event=WARM");
            CompletableFuture<CliReply> warm = channel.send(model.request("vcl.state v2 warm"));

            String threads = awaitHeld(model, "w1");
            assertTrue(threads.contains("vcl_send_event.inside"), threads);
            assertFalse(warm.isDone());
            call(channel, model, "debug.release w1");
            assertEquals(CliStatus.OK, warm.get().status());
            assertTrue(call(channel, model, "vcl.list").body().matches("(?s).*warm +0 +v2.*"));
        }
    }

    @Test
    void replStaysUsableWhileHeld() throws Exception {
        try (TestModel model = TestModel.start(false);
                VirtualTerminal vt = VirtualTerminal.xterm()) {
            ReplSettings settings = new ReplSettings(null, Duration.ofMillis(100),
                    Duration.ofSeconds(5), dir);
            Repl repl = new Repl(vt.terminal(), model.channel(), model.dialect(), settings,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(repl::run, OwnThread.EXECUTOR);
            vt.await(Repl.PROMPT);
            vt.type("debug.inject mgt.between_commands pause p1 times=1\r");
            int injected = vt.await("Injection 1:");
            vt.type("ping\r");
            int held = vt.await(Repl.PROMPT, vt.await("ping\n", injected));
            awaitHeld(model, "p1");
            vt.type("debug.threads\r");
            int threads = vt.await("waits on debug.release p1", held);
            assertFalse(vt.screen().contains("PONG"), vt.screen());
            vt.type("debug.release p1\r");
            vt.await("PONG", threads);
            vt.type("\004");
            assertEquals(0, exit.get());
        }
    }
}
