package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.Dialect;

/**
 * Compiles every case of the error corpus and compares the output with the recorded one:
 * varnishd 7.1.1's for V7_1 and vclab's reviewed expectation for TRUNK. Runs without
 * varnishd; V7_1 cases whose output quotes the builtin VCL need varnishd's exact builtin.
 */
class VccErrorCorpusTest {
    @TempDir
    Path dir;

    @Test
    void corpusHasEnoughCases() throws IOException {
        List<ErrorCorpus.Case> cases = ErrorCorpus.copyTo(dir);
        long failing = cases.stream().filter(c -> !c.name().startsWith("ok-")
                && !c.name().startsWith("warn-")).count();
        assertTrue(failing >= 60, "only " + failing + " failing cases");
    }

    @TestFactory
    List<DynamicTest> v71MatchesVarnish() throws IOException {
        return tests(Dialect.V7_1, "v71", BuiltinVcl.of(Dialect.V7_1));
    }

    @TestFactory
    List<DynamicTest> trunkMatchesExpectations() throws IOException {
        return tests(Dialect.TRUNK, "v80", BuiltinVcl.own(Dialect.TRUNK));
    }

    private List<DynamicTest> tests(Dialect dialect, String suffix, BuiltinVcl builtin)
            throws IOException {
        List<ErrorCorpus.Case> cases = ErrorCorpus.copyTo(dir);
        Vcc vcc = new Vcc(VmodCatalog.all(), dialect, List.of(dir), builtin);
        Path source = ErrorCorpus.source();
        List<DynamicTest> tests = new ArrayList<>();
        for (ErrorCorpus.Case c : cases) {
            String expected = c.expected(source, suffix);
            if (expected == null) {
                continue;
            }
            boolean quotesBuiltin = expected.contains("'<builtin>'");
            if (quotesBuiltin && dialect == Dialect.V7_1
                    && builtin.origin() != BuiltinVcl.Origin.VARNISHD) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                VccResult r = vcc.compileFile(c.file().toString(), c.vccSettings());
                assertEquals(expected, r.output(), c.name());
                assertEquals(!expected.contains("Running VCC-compiler failed"), r.ok(),
                        c.name() + " success");
            }));
        }
        assertTrue(tests.size() >= 60, "only " + tests.size() + " cases have expectations");
        return tests;
    }
}
