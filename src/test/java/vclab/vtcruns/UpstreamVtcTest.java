package vclab.vtcruns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eight scripts of Varnish's own test suite, read from the shared folder. */
class UpstreamVtcTest {

    private static List<String> args(List<Path> scripts, String... options) {
        List<String> a = new ArrayList<>(List.of(options));
        for (Path p : scripts) {
            a.add(p.toString());
        }
        return a;
    }

    @Test
    void allEightPassUnderTrunk() throws Exception {
        List<Path> scripts = VtcRun.scripts(VtcRun.shared().resolve("upstream-vtc"));
        assertEquals(8, scripts.size());
        VtcRun r = VtcRun.run(args(scripts, "-k"));
        for (Path s : scripts) {
            assertEquals("passed", r.verdict(s), s + "\n" + r.out);
        }
        assertEquals(0, r.exit);
    }

    @Test
    void verdictsUnderV74MatchVarnishtest711() throws Exception {
        List<Path> scripts = VtcRun.scripts(VtcRun.shared().resolve("upstream-vtc"));
        VtcRun r = VtcRun.run(args(scripts, "-k", "--model", "v7.4"));
        for (Path s : scripts) {
            String name = s.getFileName().toString();
            boolean failsOn711 = name.equals("v00003.vtc") || name.equals("v00045.vtc");
            assertEquals(failsOn711 ? "FAILED" : "passed", r.verdict(s), name + "\n" + r.out);
        }
        assertTrue(r.out.contains("---- v1    Not true: VBE.vcl1.noprobe.happy (0) >"
                + " 9223372036854775808 (9223372036854775808)"), r.out);
        assertTrue(r.out.contains("---- v1    Expect failed (no match)"), r.out);
        assertEquals(1, r.exit);
    }
}
