package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every script of vtc-cases/, bugs/ included, under vclab's default model (8.0). */
class VtcCasesTest {
    /**
     * The script that checks how a test with a missing feature is reported: it must be
     * skipped, with varnishtest's reason, and not run.
     */
    private static final Map<Path, String> SKIPPED = Map.of(
            VtcCases.root().resolve("vtc/002-feature-lacking.vtc"),
            "SKIPPING test, lacking feature: persistent_storage");

    @Test
    void allScriptsPassUnderTrunk() throws Exception {
        List<Path> scripts = VtcCases.all();
        VtcRun r = VtcRun.run(VtcCases.args(scripts, "-k", "-v"));
        for (Path s : scripts) {
            String expected = SKIPPED.containsKey(s) ? "skipped" : "passed";
            assertEquals(expected, r.verdict(s), s + "\n" + r.out);
        }
        for (String reason : SKIPPED.values()) {
            assertTrue(r.out.contains("*    top   " + reason + "\n"), reason + "\n" + r.out);
        }
    }

    @Test
    void atLeast35ScriptsBesideBugs() throws Exception {
        long count = VtcCases.all().stream()
                .filter(p -> !p.startsWith(VtcCases.root().resolve("bugs"))).count();
        assertTrue(count >= 35, "only " + count + " scripts outside vtc-cases/bugs");
    }

    @Test
    void vclabOnlyListNamesExistingScripts() throws Exception {
        Set<Path> listed = VtcCases.vclabOnly();
        List<Path> all = VtcCases.all();
        assertTrue(!listed.isEmpty(), "REAL-VARNISHTEST.md lists no script");
        for (Path p : listed) {
            assertTrue(all.contains(p), p + " is listed in REAL-VARNISHTEST.md but missing");
        }
    }
}
