package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;

/** vclab's own builtin VCL: it compiles and has the subroutines of the release. */
class BuiltinVclTest {
    private static Set<String> subs(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^sub (\\w+)").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void ownBuiltinsCompile() {
        for (Dialect d : Dialect.values()) {
            Vcc vcc = new Vcc(VmodCatalog.standard(), d, List.of(), BuiltinVcl.own(d));
            VccResult r = vcc.compile("<vcl.inline>", "vcl 4.1;\nbackend b none;\n");
            assertTrue(r.ok(), d + ": " + r.output());
            assertEquals(BuiltinVcl.Origin.VCLAB, vcc.builtin().origin());
        }
    }

    @Test
    void ownBuiltinHasVarnishSubroutines() {
        BuiltinVcl installed = BuiltinVcl.of(Dialect.V7_1);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed.origin() != BuiltinVcl.Origin.VCLAB, "no Varnish 7.1 installed");
        assertEquals(subs(installed.text()), subs(BuiltinVcl.own(Dialect.V7_1).text()));
    }

    @Test
    void trunkBuiltinAddsRefresh() {
        Set<String> trunk = subs(BuiltinVcl.own(Dialect.TRUNK).text());
        Set<String> v71 = subs(BuiltinVcl.own(Dialect.V7_1).text());
        assertTrue(trunk.containsAll(v71));
        assertTrue(trunk.contains("vcl_backend_refresh"));
        assertTrue(trunk.contains("vcl_beresp_range"));
    }

    @Test
    void installedBuiltinMatchesReleaseLength() {
        BuiltinVcl b = BuiltinVcl.of(Dialect.V7_1);
        org.junit.jupiter.api.Assumptions.assumeTrue(b.origin() == BuiltinVcl.Origin.VARNISHD,
                "varnishd 7.1 is not installed");
        // vcl.show -v of Varnish 7.1.1 gives the builtin VCL 6215 bytes.
        assertEquals(6215, b.text().length());
        assertTrue(b.text().endsWith("}\n"));
    }
}
