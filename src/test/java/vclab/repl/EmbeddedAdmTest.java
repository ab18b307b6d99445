package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliReply;
import vclab.cli.adm.AdmProgram;
import vclab.model.Models;
import vclab.testing.OwnThread;

/**
 * {@code vclab adm} without {@code -T} or {@code -n}: one-shot, pass and interactive modes
 * against a simulated varnishd in this JVM, with varnishadm's output and exit codes. The
 * expected bodies come from the model itself, asked on a session of its own.
 */
class EmbeddedAdmTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private Run run(InputStream stdin, boolean terminal, VirtualTerminal vt, String... args)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AdmProgram.Streams streams = new AdmProgram.Streams(stdin,
                new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), terminal);
        VclabAdm adm = new VclabAdm(streams, () -> {
            if (vt == null) {
                throw new AssertionError("the interactive mode was not expected");
            }
            return vt.terminal();
        }, options -> new ReplSettings(null, Duration.ofSeconds(30), Duration.ofSeconds(5),
                dir));
        int exit = adm.run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
    }

    private Run run(String stdin, String... args) throws Exception {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.ISO_8859_1)), false,
                null, args);
    }

    private Run oneShot(String... args) throws Exception {
        return run("", args);
    }

    /** Returns the reply of a model started with these varnishd options to a line. */
    private static CliReply expected(String line, String... varnishdArgs) throws Exception {
        try (TestModel model = TestModel.start(false, varnishdArgs)) {
            return model.call(line);
        }
    }

    private static String masked(String text) {
        return text.replaceAll("PONG \\d+ 1\\.0", "PONG <t> 1.0");
    }

    @Test
    void oneShotPrintsTheBody() throws Exception {
        Run status = oneShot("-f", "", "status");
        assertEquals(new Run(0, expected("status").body() + "\n", ""), status);
        Run ping = oneShot("-f", "", "ping");
        assertEquals(0, ping.exit());
        assertTrue(ping.out().matches("PONG \\d+ 1\\.0\n"), ping.out());
    }

    @Test
    void oneShotFailureExitsOne() throws Exception {
        CliReply reply = expected("vcl.use nosuch");
        Run run = oneShot("-f", "", "vcl.use", "nosuch");
        assertEquals(new Run(1, reply.body() + "\n",
                "Command failed with error code " + reply.status() + "\n"), run);
    }

    @Test
    void rawHeadersWithMinusP() throws Exception {
        CliReply reply = expected("status");
        Run run = oneShot("-f", "", "-p", "status");
        String header = String.format("%-3d %-8d\n", reply.status(), reply.body().length());
        assertEquals(new Run(0, header + reply.body(), ""), run);
    }

    @Test
    void passModePrintsEveryReply() throws Exception {
        Run run = run("ping\nstatus\nnosuch\nparam.show vcl_cooldown\n", "-f", "");
        String expected = "PONG <t> 1.0\n" + expected("status").body() + "\n"
                + expected("nosuch").body() + "\n"
                + expected("param.show vcl_cooldown").body() + "\n";
        assertEquals(new Run(0, expected, ""), new Run(run.exit(), masked(run.out()),
                run.err()));
    }

    @Test
    void virtualTimeRunsDelaysOfOpenCommands() throws Exception {
        Run run = run("debug.inject vcl_send_event.inside delay 100ms event=WARM\n"
                + "vcl.inline v2 \"vcl 4.1; import debug; backend b none;\"\n"
                + "debug.clock\n", "--virtual-time");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("virtual time 0.100000 s"), run.out());
    }

    @Test
    void passModeHereDocument() throws Exception {
        String stdin = "vcl.inline h1 << EOF\nvcl 4.1;\nbackend default none;\nEOF\nvcl.list\n";
        Run run = run(stdin, "-f", "", "-p");
        CliReply inline = expected("vcl.inline h1 \"vcl 4.1;\\nbackend default none;\\n\"");
        String header = String.format("%-3d %-8d\n", inline.status(), inline.body().length());
        assertTrue(run.out().startsWith(header + inline.body()), run.out());
        assertEquals(0, run.exit());
    }

    @Test
    void passModeStopsAtQuit() throws Exception {
        Run run = run("quit\nping\n", "-f", "");
        assertEquals(new Run(0, "Closing CLI connection\n", ""), run);
    }

    @Test
    void parametersAndModelOptions() throws Exception {
        Run run = oneShot("--param", "vcl_cooldown=5", "-f", "", "param.show", "vcl_cooldown");
        assertEquals(expected("param.show vcl_cooldown", "-p", "vcl_cooldown=5").body() + "\n",
                run.out());
        Run banner = oneShot("--model", "v7.4", "-f", "", "banner");
        String version = Models.byId("v7.4").release().version();
        assertTrue(banner.out().contains("varnish-" + version + " revision"), banner.out());
        Run virtual = oneShot("--virtual-time", "-f", "", "status");
        assertEquals(0, virtual.exit());
    }

    @Test
    void invalidOptionsAreReported() throws Exception {
        Run model = oneShot("--model", "v1.0", "-f", "", "ping");
        assertEquals(2, model.exit());
        assertTrue(model.err().contains("unknown model 'v1.0'"), model.err());
        Run missing = oneShot("--param");
        assertEquals(new Run(1, "", "vclab adm: option --param requires a value\n"), missing);
        Run remote = oneShot("--model", "v7.4", "-T", "127.0.0.1:1", "ping");
        assertEquals(1, remote.exit());
        assertTrue(remote.err().contains("do not apply with -T or -n"), remote.err());
        Run timeout = oneShot("-f", "", "-t", "abc", "ping");
        assertEquals(new Run(2, "", "-t: Invalid argument: abc"), timeout);
    }

    @Test
    void varnishadmUsageStillApplies() throws Exception {
        Run usage = oneShot("-x");
        assertEquals(1, usage.exit());
        assertTrue(usage.err().startsWith("varnishadm: invalid option -- 'x'\nUsage:"),
                usage.err());
        Run dashes = oneShot("-f", "", "--", "ping", "--model");
        CliReply reply = expected("ping --model");
        assertEquals(masked(reply.body() + "\n"), masked(dashes.out()));
        assertEquals(reply.isSuccess() ? 0 : 1, dashes.exit());
    }

    /** The boot VCL compiles once vclab has a VCL compiler; until then adm reports the failure. */
    @Test
    void bootVclLoadedOrReported() throws Exception {
        Run run = oneShot("vcl.list");
        if (run.exit() == 0) {
            assertTrue(run.out().contains("boot"), run.out());
        } else {
            assertEquals(2, run.exit());
            assertTrue(run.err().contains("the boot VCL of -b none was not loaded"), run.err());
        }
    }

    @Test
    void terminalOnStdinStartsTheRepl() throws Exception {
        try (VirtualTerminal vt = VirtualTerminal.xterm()) {
            CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(InputStream.nullInputStream(), true, vt, "-f", "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, OwnThread.EXECUTOR);
            vt.await(Repl.PROMPT);
            vt.type("ping\r");
            vt.await("PONG");
            vt.type("\004");
            Run done = run.get(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertEquals(new Run(0, "", ""), done);
            assertTrue(vt.screen().contains("200\nPONG "), vt.screen());
        }
    }

    @Test
    void optionsOnlyBeforeTheCommand() {
        VclabAdmOptions o = VclabAdmOptions.extract(List.of("-t", "3", "--model", "v7.5",
                "-bnone", "--param=a=b", "-pS", "x", "--history", "", "vcl.list", "--model",
                "-b"));
        assertEquals("v7.5", o.model());
        assertEquals("none", o.backend());
        assertEquals(List.of("a=b"), o.params());
        assertEquals(null, o.historyFile());
        assertEquals(List.of("-t", "3", "-pS", "x", "vcl.list", "--model", "-b"), o.admArgs());
        VclabAdmOptions value = VclabAdmOptions.extract(List.of("-T", "--model", "ping"));
        assertEquals(null, value.model());
        assertEquals(List.of("-T", "--model", "ping"), value.admArgs());
        List<String> withEmptyFile = new ArrayList<>(List.of("-f", "", "ping"));
        assertEquals("", VclabAdmOptions.extract(withEmptyFile).vclFile());
    }
}
