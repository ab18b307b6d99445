package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;

/**
 * Compiles the VCL of Varnish 7.1.1's own test scripts and checks what the scripts expect:
 * -vcl and -vcl+backend programs compile, -errvcl programs fail with the given text.
 * Extraction is rough, so the test requires a pass rate rather than every program.
 */
class VtcCorpusTest {
    private static final System.Logger LOG = System.getLogger(VtcCorpusTest.class.getName());
    /**
     * When this test was written 96% passed; the rest fail or pass at load time in
     * varnishtest (VMOD init errors, include files written by the script), which this
     * compile-only check cannot see.
     */
    private static final double MIN_PASS_RATE = 0.95;

    @Test
    void varnishTestVclsCompileAsExpected() throws Exception {
        assumeTrue(VtcVcls.available(), "no varnish-cache checkout at " + VtcVcls.REPO);
        List<VtcVcls.Vcl> vcls = VtcVcls.load();
        Vcc vcc = new Vcc(VmodCatalog.all(), Dialect.V7_1, List.of());
        int passed = 0;
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (VtcVcls.Vcl v : vcls) {
            if (v.hasMacros()) {
                continue;
            }
            checked++;
            VccResult r = vcc.compile("<vcl.inline>", v.text(), settings(v));
            boolean ok = v.expectedError() == null ? r.ok()
                    : !r.ok() && r.output().contains(v.expectedError());
            if (ok) {
                passed++;
            } else {
                failures.add(v.name());
            }
        }
        double rate = (double) passed / checked;
        LOG.log(System.Logger.Level.INFO, String.format("VTC corpus: %d of %d VCLs as "
                + "expected (%.1f%%); %d skipped for unexpanded macros; failing: %s",
                passed, checked, 100 * rate, vcls.size() - checked, failures));
        assertTrue(checked > 900, "only " + checked + " VCLs extracted");
        assertTrue(rate >= MIN_PASS_RATE, "pass rate " + rate + ", failing: " + failures);
    }

    static VccSettings settings(VtcVcls.Vcl v) {
        boolean errUnref = true;
        boolean inlineC = false;
        boolean unsafePath = true;
        for (String p : v.params()) {
            String[] kv = p.split("=");
            boolean on = kv[1].equals("on") || kv[1].equals("true");
            if (kv[0].equals("vcc_err_unref")) {
                errUnref = on;
            } else if (kv[0].equals("vcc_allow_inline_c")) {
                inlineC = on;
            } else if (kv[0].equals("vcc_unsafe_path")) {
                unsafePath = on;
            }
        }
        List<String> stevedores = new ArrayList<>(v.stevedores());
        if (stevedores.isEmpty()) {
            stevedores.addAll(VccSettings.DEFAULT.stevedores());
        } else {
            stevedores.add("Transient");
        }
        return new VccSettings(errUnref, inlineC, unsafePath, stevedores, v.labels());
    }
}
