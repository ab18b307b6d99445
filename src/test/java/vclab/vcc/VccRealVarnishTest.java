package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.Dialect;

/**
 * Compiles every case of the error corpus with the installed varnishd 7.1 and with vclab's
 * V7_1 compiler, and requires the same output; also checks that the recorded expectation
 * still matches the live varnishd.
 */
@Tag("real-varnish")
class VccRealVarnishTest {
    @TempDir
    Path dir;

    @TempDir
    Path workdir;

    @BeforeAll
    static void requireVarnishd() {
        assumeTrue(RealVarnishd.available(), "varnishd 7.1 is not installed");
    }

    @TestFactory
    List<DynamicTest> corpusMatchesVarnishd() throws IOException {
        List<ErrorCorpus.Case> cases = ErrorCorpus.copyTo(dir);
        Files.setPosixFilePermissions(workdir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Vcc vcc = new Vcc(VmodCatalog.all(), Dialect.V7_1, List.of(dir));
        Path source = ErrorCorpus.source();
        List<DynamicTest> tests = new ArrayList<>();
        for (ErrorCorpus.Case c : cases) {
            if (c.vclabOnly()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                RealVarnishd.Outcome real = RealVarnishd.compile(c.file(), workdir, c.params());
                VccResult mine = vcc.compileFile(c.file().toString(), c.vccSettings());
                assertEquals(real.output(), mine.output(), c.name() + " output");
                assertEquals(real.ok(), mine.ok(), c.name() + " success");
                assertEquals(real.output(), c.expected(source, "v71"),
                        c.name() + " recorded output");
            }));
        }
        return tests;
    }
}
