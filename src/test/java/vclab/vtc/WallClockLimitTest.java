package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.vtc.varnish.SimulatedVarnish;

/** {@code -t} bounds the wall-clock time of scripts that keep virtual time still. */
class WallClockLimitTest {
    @TempDir
    Path dir;
    VtcHarness h;

    @BeforeEach
    void harness() {
        h = new VtcHarness(dir);
    }

    private void assertTimedOut(String file, VtcHarness.Run r) {
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().endsWith("#    top  TEST " + file + " TIMED OUT (kill -9)\n"
                + "#    top  TEST " + file + " FAILED (1.000) signal=9\n"), r.out());
        assertTrue(r.out().contains("*    diag  0.0 vclab: the test took its time limit of 1 s"
                + " (-t) in wall-clock time"), r.out());
    }

    @Test
    void loopOfDelayZeroTimesOut() throws Exception {
        h.write("d.vtc", "varnishtest x\nloop 1000000000 { delay 0 }\n");
        assertTimedOut("d.vtc", h.run("-t", "1", "d.vtc"));
    }

    @Test
    void emptyLoopTimesOut() throws Exception {
        h.write("e.vtc", "varnishtest x\nloop 1000000000 { }\n");
        assertTimedOut("e.vtc", h.run("-t", "1", "e.vtc"));
    }

    @Test
    void loopOfCliCommandsTimesOut() throws Exception {
        VtcHarness simulated = new VtcHarness(dir, new SimulatedVarnish.Factory());
        simulated.write("c.vtc", "varnishtest x\nvarnish v1 -vcl {backend b none;} -start\n"
                + "loop 1000000000 { varnish v1 -cliok ping }\n");
        assertTimedOut("c.vtc", simulated.run("-t", "1", "c.vtc"));
    }

    @Test
    void hangingShellTimesOutAndIsKilled() throws Exception {
        Path pids = dir.resolve("pids");
        h.write("s.vtc", "varnishtest x\nshell {(sleep 1000; true) & echo $$ $! > "
                + pids + "; sleep 1000}\n");
        assertTimedOut("s.vtc", h.run("-t", "1", "s.vtc"));
        String[] started = Files.readString(pids).trim().split(" ");
        assertEquals(2, started.length, "shell and background pids");
        for (String pid : started) {
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(pid));
            if (p.isPresent()) {
                // SIGKILL is sent; the process is gone once it has been reaped.
                p.get().onExit().get(30, TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive)
                    .orElse(false), "process " + pid + " still runs");
        }
    }

    @Test
    void shortScriptPassesUnderLimit() throws Exception {
        h.write("p.vtc", "varnishtest x\nshell true\ndelay 0.5\n");
        VtcHarness.Run r = h.run("-t", "30", "p.vtc");
        assertEquals(0, r.exitCode(), r.out());
    }
}
