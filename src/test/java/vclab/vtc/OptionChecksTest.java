package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid option values of {@code vclab test} stop it before any script runs. */
class OptionChecksTest {
    @TempDir
    Path dir;
    VtcHarness h;

    @BeforeEach
    void scripts() throws Exception {
        h = new VtcHarness(dir);
        h.write("ran.vtc", "varnishtest x\nshell {touch " + dir.resolve("ran") + "}\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-t|abc|Cannot parse t opt 'abc': expected a positive integer",
        "-t|1x|Cannot parse t opt '1x': expected a positive integer",
        "-t|0|Invalid t opt '0': expected a positive integer",
        "-t|-1|Cannot parse t opt '-1': expected a positive integer",
        "-n|0|Invalid n opt '0': expected a positive integer",
        "-n|-1|Cannot parse n opt '-1': expected a positive integer",
    })
    void countOptionRejectsValue(String option, String value, String message)
            throws Exception {
        VtcHarness.Run r = h.run(option, value, "ran.vtc");
        assertEquals(2, r.exitCode());
        assertEquals(message + "\n", r.err());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void countOptionAcceptsStrtoulForms() throws Exception {
        assertEquals(0, h.run("-t", "0x10", "-n", "2", "ran.vtc").exitCode());
        assertEquals(0, h.run("-t", "010", "ran.vtc").exitCode());
    }

    @Test
    void unknownModelListsModels() throws Exception {
        VtcHarness.Run r = h.run("--model", "v9", "ran.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("vclab test: invalid --model: unknown model 'v9';"
                + " choose one of v7.4, "), r.err());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void traceIntoMissingDirectory() throws Exception {
        VtcHarness.Run r = h.run("--trace", "nowhere/t.json", "ran.vtc");
        assertEquals(2, r.exitCode());
        assertEquals("vclab test: cannot write the trace to nowhere/t.json: directory "
                + dir.resolve("nowhere") + " not found\n", r.err());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void traceWriteFailureExits2() throws Exception {
        Files.createDirectory(dir.resolve("t.json"));
        VtcHarness.Run r = h.run("--trace", "t.json", "ran.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("vclab: cannot write the trace to "
                + dir.resolve("t.json") + ": "), r.err());
    }

    @Test
    void binaryScheduleIsNotASchedule() throws Exception {
        Files.write(dir.resolve("bin.schedule"), new byte[] {'s', 'c', (byte) 0xff, 0x41});
        VtcHarness.Run r = h.run("--schedule", "bin.schedule", "ran.vtc");
        assertEquals(2, r.exitCode());
        assertEquals("vclab test: bin.schedule is not a schedule from vclab explore: it is not"
                + " UTF-8 text (byte 0xff at offset 2)\n", r.err());
        Files.write(dir.resolve("nul.schedule"), new byte[] {'s', 0, 'x'});
        assertEquals("vclab test: nul.schedule is not a schedule from vclab explore: it"
                + " contains a NUL byte at offset 1\n",
                h.run("--schedule", "nul.schedule", "ran.vtc").err());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void emptyScheduleIsRejected() throws Exception {
        Files.writeString(dir.resolve("empty.schedule"), "# nothing\n\n");
        VtcHarness.Run r = h.run("--schedule", "empty.schedule", "ran.vtc");
        assertEquals(2, r.exitCode());
        assertEquals("vclab test: empty.schedule is not a schedule from vclab explore: it has"
                + " no scenario, steps or choice line\n", r.err());
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    @Test
    void strictFailsSkippedScript() throws Exception {
        h.write("c.vtc", "varnishtest x\nclient c1 {\n txreq\n} -run\n");
        VtcHarness.Run r = h.run("--strict", "c.vtc");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("---- top   --strict: client c1 (line 2) sends HTTP, which"
                + " vclab does not model\n"), r.out());
        assertTrue(r.out().endsWith("#    top  TEST c.vtc FAILED (0.000) exit=2\n"), r.out());
    }

    @Test
    void strictFailsSkipInInclude() throws Exception {
        h.write("i.vtc", "varnishtest x\nshell {printf 'client c1 -run\\n' > inc}\n"
                + "include inc\n");
        VtcHarness.Run r = h.run("--strict", "i.vtc");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("--strict: client c1 (line 1) sends HTTP"), r.out());
    }

    @Test
    void strictKeepsFeatureSkips() throws Exception {
        h.write("f.vtc", "varnishtest x\nfeature cmd false\n");
        assertEquals(77, h.run("--strict", "f.vtc").exitCode());
    }
}
