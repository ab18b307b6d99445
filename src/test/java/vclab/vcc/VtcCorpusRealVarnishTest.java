package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * Compiles VCL programs from Varnish 7.1.1's test scripts with the installed varnishd and
 * with vclab, and requires the same output. It takes every 15th program; system property
 * vclab.vtc.all=true takes all (some minutes).
 */
@Tag("real-varnish")
class VtcCorpusRealVarnishTest {
    @TempDir
    Path dir;

    @Test
    void varnishTestVclsMatchVarnishd() throws Exception {
        assumeTrue(RealVarnishd.available(), "varnishd 7.1 is not installed");
        assumeTrue(VtcVcls.available(), "no varnish-cache checkout at " + VtcVcls.REPO);
        int step = Boolean.getBoolean("vclab.vtc.all") ? 1 : 15;
        ErrorCorpus.readable(dir);
        Path workdir = Files.createDirectory(dir.resolve("varnishd"));
        Files.setPosixFilePermissions(workdir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Vcc vcc = new Vcc(VmodCatalog.all(), Dialect.V7_1, List.of());
        List<VtcVcls.Vcl> vcls = VtcVcls.load();
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < vcls.size(); i += step) {
            VtcVcls.Vcl v = vcls.get(i);
            // varnishd -C cannot be given labels or storages, and it reads -f files through
            // vcc_unsafe_path too.
            if (v.hasMacros() || !v.labels().isEmpty() || !v.stevedores().isEmpty()
                    || v.params().contains("vcc_unsafe_path=off")) {
                continue;
            }
            Path f = dir.resolve(v.script() + "-" + v.index() + ".vcl");
            Files.writeString(f, v.text(), StandardCharsets.ISO_8859_1);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            VccSettings settings = VtcCorpusTest.settings(v);
            RealVarnishd.Outcome real = RealVarnishd.compile(f, workdir, v.params());
            VccResult mine = vcc.compileFile(f.toString(), settings);
            compared++;
            if (!real.output().equals(mine.output()) || real.ok() != mine.ok()) {
                mismatches.add(v.name());
            }
        }
        assertTrue(compared > 50, "only " + compared + " programs compared");
        assertEquals(List.of(), mismatches, "programs where vclab and varnishd differ");
    }
}
