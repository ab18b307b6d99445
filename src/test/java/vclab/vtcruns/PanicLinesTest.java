package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vclab.model.Models;

/**
 * Panics that a VCL's vcl_init provokes in the debug and vtc VMODs and in VCL_Ref: the first
 * two lines of panic.show name the modelled release's source line, and under the v7.4 model
 * they equal what Debian's varnishd 7.1.1 prints.
 */
class PanicLinesTest {
    private static final Path VARNISHTEST = Path.of("/usr/bin/varnishtest");
    private static final Path VARNISHD = Path.of("/usr/sbin/varnishd");
    private static final String[] MODELS = {
        "v7.4", "v7.5", "v7.6", "v7.7", "pr4205", "b9a2040", "v8.0"};

    /** The vcl_init statements of each case, its assertion key and its expected text. */
    private static final String[][] CASES = {
        {"debug.vcl_allow_cold();", "xyzzy_vcl_allow_cold.vclref_cold",
            "Assert error in xyzzy_vcl_allow_cold(), vmod_debug.c line %d:\n"
                + "  Condition((priv_vcl->vclref_cold) != 0) not true."},
        {"debug.vcl_discard_delay(0s);", "xyzzy_vcl_discard_delay.delay",
            "Assert error in xyzzy_vcl_discard_delay(), vmod_debug.c line %d:\n"
                + "  Condition(delay > 0.0) not true."},
        {"debug.vcl_prevent_cold();", "VCL_Ref.cold",
            "Assert error in VCL_Ref(), cache/cache_vrt_vcl.c line %d:\n"
                + "  Condition(!vcl->temp->is_cold) not true."},
        {"vtc.panic(\"boom\");", null, "Panic from VCL:\n  PANIC:boom"},
    };

    @TempDir
    Path dir;

    /** Returns a script that loads a second VCL whose vcl_init runs {@code init}, then panic.show. */
    private static String script(String init) {
        return "varnishtest \"panic text\"\n"
                + "server s1 {} -start\n"
                + "varnish v1 -vcl+backend {} -start\n"
                + "shell {printf 'vcl 4.1;\\nimport debug;\\nimport vtc;\\nbackend be none;\\n"
                + "sub vcl_init {\\n\\t" + init + "\\n}\\n' >${tmpdir}/p.vcl}\n"
                + "varnish v1 -cli \"vcl.load vcl2 ${tmpdir}/p.vcl\"\n"
                + "delay 1\n"
                + "varnish v1 -cliok panic.show\n";
    }

    /** Returns the two lines after the first "Panic at:" in a -v log, or null. */
    private static String panicLines(String log) {
        String[] lines = log.split("\n");
        for (int i = 0; i + 2 < lines.length; i++) {
            if (lines[i].contains("CLI RX|Panic at: ")) {
                return afterBar(lines[i + 1]) + "\n" + afterBar(lines[i + 2]);
            }
        }
        return null;
    }

    private static String afterBar(String line) {
        return line.substring(line.indexOf('|') + 1);
    }

    static Stream<Arguments> modelsAndCases() {
        List<Arguments> list = new ArrayList<>();
        for (String model : MODELS) {
            for (int i = 0; i < CASES.length; i++) {
                list.add(Arguments.of(model, i));
            }
        }
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("modelsAndCases")
    void panicNamesTheReleasesLine(String model, int index) throws IOException {
        String[] c = CASES[index];
        Path file = dir.resolve("p.vtc");
        Files.writeString(file, script(c[0]));
        VtcRun r = VtcRun.run(List.of("-v", "--model", model, file.toString()));
        String expected = c[1] == null ? c[2]
                : String.format(c[2], Models.byId(model).release().line(c[1]));
        assertEquals(expected, panicLines(r.out), r.out);
    }

    @Tag("real-varnish")
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void sameTextAsVarnishd711(int index) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(VARNISHTEST), "varnishtest is not installed");
        Assumptions.assumeTrue(Files.isExecutable(VARNISHD), "varnishd is not installed");
        Path file = dir.resolve("p.vtc");
        Files.writeString(file, script(CASES[index][0]));
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        // varnishd's VCC process runs as another user and must read the VCL file there.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(VARNISHTEST.toString(), "-v", file.toString());
        pb.directory(dir.toFile());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(bytes);
        }
        p.waitFor();
        String real = panicLines(bytes.toString(StandardCharsets.UTF_8));
        assertNotNull(real, "varnishd 7.1.1 did not panic:\n" + bytes);

        VtcRun ours = VtcRun.run(List.of("-v", "--model", "v7.4", file.toString()));
        assertEquals(real, panicLines(ours.out), ours.out);
    }
}
