package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    private static final String PASS = "varnishtest \"pass\"\ndelay 1.5\n";
    private static final String FAIL = "varnishtest \"fail\"\nshell \"false\"\n";
    private static final String SKIP = "varnishtest \"skip\"\nfeature cmd false\nshell true\n";

    @TempDir
    Path dir;
    VtcHarness h;

    @BeforeEach
    void scripts() throws Exception {
        h = new VtcHarness(dir);
        h.write("pass.vtc", PASS);
        h.write("fail.vtc", FAIL);
        h.write("skip.vtc", SKIP);
    }

    @Test
    void passedTestPrintsResultLineInVirtualTime() throws Exception {
        VtcHarness.Run r = h.run("pass.vtc");
        assertEquals(0, r.exitCode());
        assertEquals("#    top  TEST pass.vtc passed (1.500)\n", r.out());
    }

    @Test
    void skippedOnlyExits77() throws Exception {
        VtcHarness.Run r = h.run("skip.vtc");
        assertEquals(77, r.exitCode());
        assertEquals("#    top  TEST skip.vtc skipped (0.000)\n", r.out());
    }

    @Test
    void failedTestPrintsLogAndExits2() throws Exception {
        VtcHarness.Run r = h.run("fail.vtc", "pass.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("---- top   shell_exit not as expected: got 0x0001 wanted"
                + " 0x0000\n"), r.out());
        assertTrue(r.out().contains("*    top   RESETTING after fail.vtc\n"));
        assertTrue(r.out().endsWith("*    top   TEST fail.vtc FAILED\n"
                + "#    top  TEST fail.vtc FAILED (0.000) exit=2\n"), r.out());
        assertFalse(r.out().contains("pass.vtc"), "ran on after a failure without -k");
    }

    @Test
    void keepGoingSummarizesAndExits1() throws Exception {
        VtcHarness.Run r = h.run("-k", "fail.vtc", "pass.vtc", "skip.vtc");
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("#    top  TEST pass.vtc passed (1.500)\n"));
        assertTrue(r.out().contains("#    top  TEST skip.vtc skipped (0.000)\n"));
        assertEquals("1 tests failed, 1 tests skipped, 1 tests passed\n", r.err());
    }

    @Test
    void passedAndSkippedExits0() throws Exception {
        assertEquals(0, h.run("pass.vtc", "skip.vtc").exitCode());
    }

    @Test
    void quietPrintsOnlyFailures() throws Exception {
        assertEquals("", h.run("-q", "pass.vtc", "skip.vtc").out());
        VtcHarness.Run r = h.run("-q", "fail.vtc");
        assertEquals("#    top  TEST fail.vtc FAILED (0.000) exit=2\n", r.out());
    }

    @Test
    void verbosePrintsFullLog() throws Exception {
        VtcHarness.Run r = h.run("-v", "pass.vtc");
        String out = VtcHarness.normalize(r.out());
        assertTrue(out.startsWith("*    top   TEST pass.vtc starting\n"
                + "**** top   extmacro def pwd=PWD\n"
                + "**** top   extmacro def date(...)\n"
                + "**** top   extmacro def string(...)\n"
                + "**** top   extmacro def localhost=127.0.0.1\n"
                + "**** top   extmacro def bad_backend=127.0.0.1:PORT\n"
                + "**** top   extmacro def listen_addr=127.0.0.1:PORT\n"
                + "**** top   extmacro def bad_ip=192.0.2.255\n"), out);
        assertTrue(r.out().contains("***  top   delaying 1.5 second(s)\n**** dT    1.500\n"),
                r.out());
        assertTrue(r.err().contains("simulated threads on"), r.err());
    }

    @Test
    void usageWithoutFiles() throws Exception {
        VtcHarness.Run r = h.run();
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("usage: varnishtest [options] file ...\n"
                + "    -b size                      # Set internal buffer size (default: 1M)\n"),
                r.err());
        assertEquals(1, h.run("-h", "pass.vtc").exitCode());
        assertEquals(1, h.run("-Z", "pass.vtc").exitCode());
    }

    @Test
    void badOptionValuesExit2() throws Exception {
        VtcHarness.Run r = h.run("-D", "novalue", "pass.vtc");
        assertEquals(2, r.exitCode());
        assertEquals("Cannot parse D opt 'novalue'\n", r.err());
        assertEquals("Cannot parse b opt 'x'\n", h.run("-b", "x", "pass.vtc").err());
    }

    @Test
    void wrongFirstWordStopsUnlessKeepGoing() throws Exception {
        h.write("bad.vtc", "# comment\n  shell true\n");
        VtcHarness.Run r = h.run("bad.vtc", "pass.vtc");
        assertEquals(2, r.exitCode());
        assertEquals("bad.vtc:2:3: File \"bad.vtc\" doesn't start with 'vtest' or"
                + " 'varnishtest'\n", r.err());
        assertEquals("", r.out());
        VtcHarness.Run k = h.run("-k", "bad.vtc", "pass.vtc");
        assertEquals(0, k.exitCode());
        assertTrue(k.err().endsWith("0 tests failed, 1 tests skipped, 1 tests passed\n"));
    }

    @Test
    void emptyAndMissingFiles() throws Exception {
        h.write("empty.vtc", "\n# only\n");
        assertEquals("empty.vtc:3:1: File \"empty.vtc\" has no content.\n",
                h.run("empty.vtc").err());
        assertEquals("Cannot stat file \"none.vtc\": No such file or directory\n",
                h.run("none.vtc").err());
    }

    @Test
    void unknownCommandReportsPosition() throws Exception {
        h.write("unk.vtc", "varnishtest x\n\n   frobnicate 1\n");
        VtcHarness.Run r = h.run("unk.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("---- top   Unknown command: \"frobnicate\"\n"));
        assertEquals("unk.vtc:3:4: Unknown command: \"frobnicate\"\n", r.err());
    }

    @Test
    void commandsBeforeSyntaxErrorRun() throws Exception {
        h.write("q.vtc", "varnishtest x\nshell \"echo ok\"\nshell \"echo\n");
        VtcHarness.Run r = h.run("q.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("**** top   shell_out|ok\n"));
        assertTrue(r.out().contains("**   top   === shell \"echo\n"
                + "---- top   Unterminated quoted string in line: shell \"echo\n"), r.out());
        assertEquals("q.vtc:3:7: Unterminated quoted string in line: shell \"echo\n", r.err());
    }

    @Test
    void timeoutKillsInVirtualTime() throws Exception {
        h.write("slow.vtc", "varnishtest x\ndelay 100\n");
        VtcHarness.Run r = h.run("-t", "2", "slow.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().endsWith("#    top  TEST slow.vtc TIMED OUT (kill -9)\n"
                + "#    top  TEST slow.vtc FAILED (2.000) signal=9\n"), r.out());
    }

    @Test
    void clientIsSkippedBeforeAnythingRuns() throws Exception {
        h.write("c.vtc", "varnishtest x\nshell \"touch ran\"\nloop 2 {\n"
                + "  client c1 {\n txreq\n } -run\n}\n");
        VtcHarness.Run r = h.run("-v", "c.vtc");
        assertEquals(77, r.exitCode());
        assertTrue(r.out().contains("*    top   skipped: client c1 (line 4) sends HTTP, which"
                + " vclab does not model\n"), r.out());
        assertFalse(r.out().contains("shell_cmd"));
        assertEquals("c.vtc: skipped: client c1 (line 4) sends HTTP, which vclab does not"
                + " model\n", r.err().substring(r.err().indexOf('\n') + 1));
    }

    @Test
    void iterationsRunRoundRobin() throws Exception {
        VtcHarness.Run r = h.run("-n", "2", "pass.vtc", "skip.vtc");
        assertEquals("#    top  TEST pass.vtc passed (1.500)\n"
                + "#    top  TEST skip.vtc skipped (0.000)\n"
                + "#    top  TEST pass.vtc passed (1.500)\n"
                + "#    top  TEST skip.vtc skipped (0.000)\n", r.out());
    }

    @Test
    void parallelOutputIsDeterministic() throws Exception {
        h.write("slow.vtc", "varnishtest slow\nshell \"sleep 0.3\"\ndelay 3\n");
        String[] args = {"-v", "-k", "-j", "3", "slow.vtc", "fail.vtc", "pass.vtc", "skip.vtc"};
        VtcHarness.Run first = h.run(args);
        VtcHarness.Run second = h.run(args);
        assertEquals(VtcHarness.normalize(first.out()), VtcHarness.normalize(second.out()));
        String out = first.out();
        assertTrue(out.indexOf("TEST slow.vtc passed") < out.indexOf("TEST fail.vtc FAILED"));
        assertTrue(out.indexOf("TEST fail.vtc FAILED") < out.indexOf("TEST pass.vtc passed"));
    }

    @Test
    void keepTemporaryDirectoryWithLog() throws Exception {
        h.run("-L", "pass.vtc");
        try (var s = Files.list(dir.resolve("tmp"))) {
            Path kept = s.findFirst().orElseThrow();
            assertTrue(Files.readString(kept.resolve("INFO")).equals("Test case: pass.vtc\n"));
            assertTrue(Files.readString(kept.resolve("LOG")).contains("TEST pass.vtc completed"));
        }
    }

    @Test
    void temporaryDirectoryRemovedByDefault() throws Exception {
        h.run("pass.vtc");
        try (var s = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void runOptionsReachTheExecutor() throws Exception {
        h.write("o.vtc", "varnishtest x\nvarnish v1 -options\n");
        VtcHarness.Run r = h.run("-v", "-p", "a=1", "-p", "b=2", "--model", "v7.4",
                "--strict", "o.vtc");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("***  v1    params [a=1, b=2] model v7.4 strict true\n"),
                r.out());
    }

    @Test
    void unavailableVarnishFailsTheTest() throws Exception {
        VtcHarness plain = new VtcHarness(dir, ctx -> new UnavailableVarnishExecutor());
        plain.write("v.vtc", "varnishtest x\nvarnish v1 -vcl {}\n");
        VtcHarness.Run r = plain.run("v.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("---- v1    varnish: not available yet\n"), r.out());
    }
}
