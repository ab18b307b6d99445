package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scripts are read as bytes, as varnishtest reads them: any encoding, up to a NUL byte. */
class ScriptBytesTest {
    private static final Path VARNISHTEST = Path.of("/usr/bin/varnishtest");

    /** Scripts by name, as ISO-8859-1 strings of their bytes. */
    private static final java.util.Map<String, String> SCRIPTS = java.util.Map.of(
            "latin1", "varnishtest \"latin1\"\n# caf\u00e9\nshell -expect \u00e9 {printf \u00e9}\n",
            "nul", "varnishtest \"nul\"\nshell true\n\0\0\0garbage here\n",
            "nulfirst", "\0varnishtest \"x\"\n",
            "nulfail", "varnishtest \"nul\"\nshell false\n\0shell true\n");

    @TempDir
    Path dir;

    private void write(String name) throws Exception {
        Files.write(dir.resolve(name + ".vtc"), SCRIPTS.get(name)
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void latin1CommentAndString() throws Exception {
        write("latin1");
        VtcHarness.Run r = new VtcHarness(dir).run("-v", "latin1.vtc");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("**** top   shell_expect found\n"), r.out());
    }

    @Test
    void nulByteEndsScript() throws Exception {
        write("nul");
        VtcHarness.Run r = new VtcHarness(dir).run("-v", "nul.vtc");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertFalse(r.out().contains("garbage"), r.out());
    }

    @Test
    void nulByteFirstMeansNoContent() throws Exception {
        write("nulfirst");
        VtcHarness.Run r = new VtcHarness(dir).run("nulfirst.vtc");
        assertEquals(2, r.exitCode());
        assertEquals("nulfirst.vtc:1:1: File \"nulfirst.vtc\" has no content.\n", r.err());
    }

    @ParameterizedTest
    @Tag("real-varnish")
    @ValueSource(strings = {"latin1", "nul", "nulfirst", "nulfail"})
    void sameExitCodeAsVarnishtest(String name) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(VARNISHTEST), "varnishtest is not installed");
        write(name);
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        ProcessBuilder pb = new ProcessBuilder(VARNISHTEST.toString(), name + ".vtc");
        pb.directory(dir.toFile());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bytes);
        }
        int realExit = p.waitFor();

        VtcHarness.Run ours = new VtcHarness(dir).run(name + ".vtc");
        assertEquals(realExit, ours.exitCode(), bytes.toString(StandardCharsets.ISO_8859_1)
                + "\n---\n" + ours.out() + ours.err());
    }
}
