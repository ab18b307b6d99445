package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every script of vtc-cases/ that REAL-VARNISHTEST.md does not list, both under
 * Debian's varnishtest 7.1.1 and under vclab's v7.4 model (which prints 7.1.1's texts), and
 * compares the verdicts (passed, skipped or FAILED) script by script.
 */
@Tag("real-varnish")
class VtcCasesRealVarnishTest {
    private static final Path VARNISHTEST = Path.of("/usr/bin/varnishtest");

    @TempDir
    Path tmp;

    @Test
    void sameVerdictsAsVarnishtest() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(VARNISHTEST), "varnishtest is not installed");
        Set<Path> vclabOnly = VtcCases.vclabOnly();
        List<Path> scripts = new ArrayList<>();
        for (Path p : VtcCases.all()) {
            if (!vclabOnly.contains(p)) {
                scripts.add(p);
            }
        }

        VtcRun real = runVarnishtest(scripts);
        VtcRun ours = VtcRun.run(VtcCases.args(scripts, "-k", "--model", "v7.4"));
        for (Path s : scripts) {
            assertEquals(real.verdict(s), ours.verdict(s),
                    s + "\n--- varnishtest 7.1.1:\n" + real.out + "\n--- vclab:\n" + ours.out);
        }
    }

    /** Runs varnishtest -k -j2 from the project root, as the scripts' paths expect. */
    private VtcRun runVarnishtest(List<Path> scripts) throws Exception {
        // varnishd's compiler runs as an unprivileged user and must read the VCL files that
        // scripts write into their temporary folders, below this one.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(VtcCases.args(scripts, VARNISHTEST.toString(),
                "-k", "-j", "2"));
        pb.directory(VtcRun.projectRoot().toFile());
        pb.environment().put("TMPDIR", tmp.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        return VtcRun.of(p.waitFor(), out.toString(StandardCharsets.UTF_8));
    }
}
