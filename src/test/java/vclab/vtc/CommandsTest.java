package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log lines and messages of logexpect, server, barrier and the simple commands. */
class CommandsTest {
    @TempDir
    Path dir;
    VtcHarness h;

    @BeforeEach
    void harness() {
        h = new VtcHarness(dir);
    }

    private VtcHarness.Run runScript(String body) throws Exception {
        h.write("t.vtc", "varnishtest \"t\"\n" + body);
        return h.run("-v", "t.vtc");
    }

    @Test
    void logexpectMatchesRecordsInOrder() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -g raw {\n"
                + "\texpect * 0 Debug \"WARM\"\n"
                + "\texpect 0 = CLI \"^Rd\"\n"
                + "} -start\n"
                + "varnish v1 -log 0 Debug \"vcl1: VCL_EVENT_WARM\" -log 0 CLI \"Rd ping\"\n"
                + "logexpect l1 -wait\n");
        assertEquals(0, r.exitCode(), r.out());
        String out = r.out();
        assertTrue(out.contains("**   l1    === expect * 0 Debug \"WARM\"\n"), out);
        assertTrue(out.contains("**** l1    begin|\n"
                + "***  l1    test | expect * 0 Debug WARM\n"
                + "**** l1    match|          0 Debug           - vcl1: VCL_EVENT_WARM\n"
                + "***  l1    test | expect 0 = CLI ^Rd\n"
                + "**** l1    match|          0 CLI             - Rd ping\n"
                + "**** l1    done |\n"), out);
        assertTrue(out.contains("**   l1    Waiting for logexp\n"));
    }

    @Test
    void logexpectFailureIsFatal() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -g raw {\n expect 0 0 CLI foo\n} -start\n"
                + "varnish v1 -log 0 Debug other\n"
                + "logexpect l1 -wait\n");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("**** l1    err  |          0 Debug           - other\n"
                + "---- l1    bad  | expectation failed\n"), r.out());
    }

    @Test
    void logexpectErrTurnsFailureIntoSuccess() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -g raw -err {\n expect 0 0 CLI foo\n} -start\n"
                + "varnish v1 -log 0 Debug other\n"
                + "logexpect l1 -wait\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("**** l1    done | failed as expected\n"));
    }

    @Test
    void logexpectGroupMatchesInAnyOrder() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -g raw {\n expect ? 0 Debug a\n expect ? 0 Debug b\n"
                + " expect 0 0 CLI c\n} -start\n"
                + "varnish v1 -log 0 Debug b -log 0 Debug a -log 0 CLI c\n"
                + "logexpect l1 -wait\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("***  l1    alt  | expect ? 0 Debug b\n"), r.out());
    }

    @Test
    void logexpectFailListNeedsClear() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -g raw {\n fail add * Error\n expect * 0 CLI done\n"
                + " fail clear\n} -start\n"
                + "varnish v1 -log 0 Error boom\n"
                + "logexpect l1 -wait\n");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("***  l1    cond | fail add * Error \n"), r.out());
        assertTrue(r.out().contains("**** l1    fail |          0 Error           - boom\n"));
    }

    @Test
    void logexpectVxidGroupingWaitsForEnd() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -q \"vxid == 1001\" {\n"
                + " expect 0 1001 Begin\n expect * = ReqURL /foo\n expect * = End\n} -start\n"
                + "varnish v1 -log 0 CLI x -log 1002 Begin req -log 1002 End \"\"\n"
                + "varnish v1 -log 1001 Begin req -log 1001 ReqURL /foo -log 1001 End \"\"\n"
                + "logexpect l1 -wait\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("**** l1    qry  | vxid == 1001\n"));
        assertFalse(r.out().contains("       1002 "), r.out());
    }

    @Test
    void logexpectUnsupportedQueryIsFatal() throws Exception {
        VtcHarness.Run r = runScript("varnish v1 -start\n"
                + "logexpect l1 -v v1 -q \"ReqHeader:Host eq x\" {\n expect * * End\n} -start\n");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("---- l1    VSLQ_New: query term 'ReqHeader:Host' is not"
                + " supported"), r.out());
    }

    @Test
    void logexpectWithoutVarnishWaitsFiveSeconds() throws Exception {
        VtcHarness.Run r = runScript("logexpect l1 -v v1 {\n expect * * CLI\n} -start\n");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("**** dT    5.000\n"
                + "---- l1    VSM_Attach: Could not get hold of varnishd, is it running?\n"),
                r.out());
    }

    @Test
    void logexpectSpecErrors() throws Exception {
        String[][] cases = {
            {"expect 0 0", "Syntax error"},
            {"expect x 0 CLI", "Not a positive integer: 'x'"},
            {"expect 0 0 NoSuchTag", "Unknown tag name: 'NoSuchTag'"},
            {"fail foo", "Unknown fail argument 'foo'"},
        };
        for (String[] c : cases) {
            VtcHarness.Run r = runScript("varnish v1 -start\nlogexpect l1 -v v1 {\n" + c[0]
                    + "\n}\n");
            assertTrue(r.out().contains("---- l1    " + c[1] + "\n"), c[0] + ":\n" + r.out());
        }
    }

    @Test
    void serverListensDefinesMacrosAndAnswersProbes() throws Exception {
        VtcHarness.Run r = runScript("server s1 {\n rxreq\n txresp -status 404\n} -start\n"
                + "server s2 {\n rxreq\n} -start\n"
                + "varnish v1 -probe s1 -probe s1 -probe s2\n"
                + "shell \"test ${s1_port} -gt 0\"\n");
        assertEquals(0, r.exitCode(), r.out());
        String out = VtcHarness.normalize(r.out());
        assertTrue(out.contains("**   s1    Starting server\n"
                + "**** s1    macro def s1_addr=127.0.0.1\n"
                + "**** s1    macro def s1_port=PORT\n"
                + "**** s1    macro def s1_sock=127.0.0.1:PORT\n"
                + "*    s1    Listen on 127.0.0.1:PORT\n"), out);
        assertTrue(out.contains("probe s1: ProbeAnswer[kind=STATUS, status=404]"), out);
        assertTrue(out.contains("probe s1: ProbeAnswer[kind=NO_RESPONSE, status=0]"), out);
        assertTrue(out.contains("probe s2: ProbeAnswer[kind=NO_RESPONSE, status=0]"), out);
        assertTrue(out.contains("**   s1    Ending\n"), out);
    }

    @Test
    void serverSpecSyncsBarrierPerConnection() throws Exception {
        VtcHarness.Run r = runScript("barrier b1 cond 2\n"
                + "server s1 {\n rxreq\n barrier b1 sync\n txresp\n} -start\n"
                + "varnish v1 -probe s1\n"
                + "barrier b1 sync\n"
                + "server s1 -wait\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("**   s1    === barrier b1 sync\n"), r.out());
        assertTrue(r.out().contains("**** s1    Barrier(b1) wake 2\n"), r.out());
    }

    @Test
    void serverWaitAfterLastIteration() throws Exception {
        VtcHarness.Run r = runScript("server s1 {\n rxreq\n txresp\n} -start\n"
                + "varnish v1 -probe s1\n"
                + "delay 1\n"
                + "server s1 -wait\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("**   s1    Ending\n"), r.out());
        assertTrue(r.out().contains("**   s1    Waiting for server"), r.out());
    }

    @Test
    void serverWaitWithoutStartIsFatal() throws Exception {
        VtcHarness.Run r = runScript("server s1 -wait\n");
        assertTrue(r.out().contains("---- s1    Server not -started\n"), r.out());
        VtcHarness.Run bad = runScript("server x1 -start\n");
        assertTrue(bad.out().contains("---- top   Server name must start with 's' (got x1)\n"));
    }

    @Test
    void barrierMessages() throws Exception {
        String[][] cases = {
            {"barrier b1 cond 1", "---- top   Barrier(b1) use error: wrong expectation (1)"},
            {"barrier b1 sync", "---- top   Barrier(b1) use error: not initialized"},
            {"barrier c1 cond 2", "---- top   Barrier name must start with 'b' (got c1)"},
            {"barrier b1 cond 2 cond 2", "---- top   Barrier(b1) use error: already initialized"},
            {"barrier b1 cond 2 -foo", "---- top   Unknown barrier argument: -foo"},
        };
        for (String[] c : cases) {
            VtcHarness.Run r = runScript(c[0] + "\n");
            assertTrue(r.out().contains(c[1] + "\n"), c[0] + ":\n" + r.out());
        }
    }

    @Test
    void sockBarrierDefinesMacros() throws Exception {
        VtcHarness.Run r = runScript("barrier b1 sock 2\nshell \"test -n ${b1_sock}\"\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(VtcHarness.normalize(r.out()).contains("**** b1    macro def b1_port=PORT\n"));
    }

    @Test
    void delayAndSetenvMessages() throws Exception {
        assertTrue(runScript("delay x\n").out().contains(
                "---- top   Syntax error in number (x)\n"));
        assertTrue(runScript("setenv A b c\n").out().contains(
                "---- top   CMD setenv: Unexpected argument 'c'\n"));
        VtcHarness.Run r = runScript("setenv -ifunset HOME nothere\nsetenv X \"a b\"\n"
                + "shell -expect \"a b\" {echo $X}\nshell -err {test $HOME = nothere}\n");
        assertEquals(0, r.exitCode(), r.out());
    }

    @Test
    void macroFailureIsFatal() throws Exception {
        VtcHarness.Run r = runScript("shell \"echo ${nope}\"\n");
        assertTrue(r.out().contains("---- top   Macro ${nope} not found\n"), r.out());
        VtcHarness.Run ok = runScript("feature ignore_unknown_macro\n"
                + "shell -expect {${nope}} \"echo '${nope}'\"\n");
        assertEquals(0, ok.exitCode(), ok.out());
    }

    @Test
    void filewriteAndInclude() throws Exception {
        VtcHarness.Run r = runScript("filewrite inc.vtc \"shell {echo inc}\" \"\\n\"\n"
                + "filewrite -a inc.vtc \"delay 1\\n\"\n"
                + "include inc.vtc\n");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("**   top   Begin include 'inc.vtc'\n"
                + "**   top   === shell {echo inc}\n"), r.out());
        assertTrue(r.out().contains("**   top   End include 'inc.vtc'\n"));
    }

    @Test
    void unknownFeatureIsFatal() throws Exception {
        VtcHarness.Run r = runScript("feature 64bit nosuch\n");
        assertTrue(r.out().contains("---- top   FAIL test, unknown feature: nosuch\n"), r.out());
        VtcHarness.Run neg = runScript("feature !ipv4\n");
        assertEquals(77, neg.exitCode());
        assertTrue(neg.out().contains("*    top   SKIPPING test, conflicting feature: ipv4\n"));
    }
}
