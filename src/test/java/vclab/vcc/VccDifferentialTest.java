package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.Dialect;

/**
 * Compiles fuzzed VCL (mutated corpus cases and random token sequences, fixed seed) with
 * the installed varnishd and with vclab, and requires the same output. System properties
 * vclab.fuzz.seed and vclab.fuzz.inputs choose other inputs.
 */
@Tag("real-varnish")
class VccDifferentialTest {
    private static final long SEED = Long.getLong("vclab.fuzz.seed", 20260204L);
    private static final int INPUTS = Integer.getInteger("vclab.fuzz.inputs", 200);

    @TempDir
    Path dir;

    @Test
    void fuzzedVclMatchesVarnishd() throws Exception {
        assumeTrue(RealVarnishd.available(), "varnishd 7.1 is not installed");
        ErrorCorpus.readable(dir);
        Path workdir = Files.createDirectory(dir.resolve("varnishd"));
        Files.setPosixFilePermissions(workdir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Vcc vcc = new Vcc(VmodCatalog.all(), Dialect.V7_1, List.of());
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        for (String text : VccFuzzTest.inputs(SEED, INPUTS)) {
            if (text.contains("include")) {
                continue;
            }
            Path f = dir.resolve("fuzz-" + i++ + ".vcl");
            Files.writeString(f, text, StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            RealVarnishd.Outcome real = RealVarnishd.compile(f, workdir, List.of());
            VccResult mine = vcc.compileFile(f.toString());
            if (!real.output().equals(mine.output()) || real.ok() != mine.ok()) {
                mismatches.add(f.getFileName() + ":\n" + text + "\n--- varnishd:\n"
                        + real.output() + "--- vclab:\n" + mine.output());
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
