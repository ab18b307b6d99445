package vclab.vcc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Probe declarations, named, default and inline in backends (vcc_backend.c). */
final class Probes {
    private static final List<String> PROBE_FIELDS = List.of("url", "request",
            "expected_response", "timeout", "interval", "window", "threshold", "initial");
    private static final List<String> PROBE_FIELDS_80 = List.of("url", "request",
            "expected_response", "timeout", "interval", "window", "threshold", "initial",
            "expect_close");
    private final Compilation tl;

    Probes(Compilation tl) {
        this.tl = tl;
    }

    /** vcc_default_probe: reports a missing {@code probe default}. */
    void defaultProbe() {
        if (tl.model.defaultProbe != null) {
            return;
        }
        tl.sb.cat("No default probe defined\n");
        tl.errToken(tl.t);
        tl.sb.cat(" at\n");
        tl.errWhere(tl.t);
    }

    /** vcc_ParseProbe: "probe NAME { ... }" or "probe default { ... }". */
    void parseProbe() {
        VclToken t = tl.t;
        tl.next();
        tl.parser.expectVid("backend probe");
        if (tl.sb.err) {
            return;
        }
        if (tl.t.idIs("default")) {
            tl.next();
            VclProbe p = probeSpec("default", VclProbe.Kind.DEFAULT, t);
            if (p != null) {
                tl.model.defaultProbe = p;
            }
            return;
        }
        Symbol sym = tl.symbols.handleSymbol(VccType.PROBE);
        if (tl.sb.err) {
            return;
        }
        VclProbe p = probeSpec(sym.name, VclProbe.Kind.NAMED, t);
        if (p != null) {
            tl.model.probes.add(p);
        }
    }

    /** vcc_ParseProbeSpec: the { .field = value; ... } of a probe. */
    VclProbe probeSpec(String name, VclProbe.Kind kind, VclToken start) {
        Fields fs = new Fields(tl, tl.v71() ? PROBE_FIELDS : PROBE_FIELDS_80);
        if (!tl.skip(Tok.LBRACE, Site.PROBE_LBRACE)) {
            return null;
        }
        if (kind == VclProbe.Kind.INLINE) {
            name = "vgc_probe__" + tl.model.nprobe++;
        }
        VclToken[] tDid = new VclToken[1];
        VclToken tWindow = null;
        VclToken tThreshold = null;
        VclToken tInitial = null;
        long window = 0;
        long threshold = 0;
        long initial = 0;
        long status = 0;
        double timeout = 0;
        double interval = 0;
        String url = null;
        List<String> request = null;
        while (tl.t.tok != Tok.RBRACE) {
            VclToken field = fs.isField();
            if (tl.sb.err) {
                return null;
            }
            if (field.idIs("url")) {
                if (!Fields.redef(tl, "Probe request", tDid, field)
                        || !tl.expectErr(Tok.CSTR, Site.PROBE_URL_STRING)) {
                    return null;
                }
                url = tl.t.dec;
                tl.next();
            } else if (field.idIs("request")) {
                if (!Fields.redef(tl, "Probe request", tDid, field)
                        || !tl.expectErr(Tok.CSTR, Site.PROBE_REQUEST_STRING)) {
                    return null;
                }
                request = new ArrayList<>();
                while (tl.t.tok == Tok.CSTR) {
                    request.add(tl.t.dec);
                    tl.next();
                }
            } else if (field.idIs("timeout")) {
                timeout = Units.duration(tl);
            } else if (field.idIs("interval")) {
                interval = Units.duration(tl);
            } else if (field.idIs("window")) {
                tWindow = tl.t;
                window = Units.uintVal(tl);
            } else if (field.idIs("initial")) {
                tInitial = tl.t;
                initial = Units.uintVal(tl);
            } else if (field.idIs("expected_response")) {
                status = Units.uintVal(tl);
                if (status < 100 || status > 999) {
                    tl.sb.cat("Must specify .expected_response with exactly three digits "
                            + "(100 <= x <= 999)\n");
                    tl.errWhere(tl.t);
                    return null;
                }
            } else if (field.idIs("threshold")) {
                tThreshold = tl.t;
                threshold = Units.uintVal(tl);
            } else if (field.idIs("expect_close")) {
                Units.boolVal(tl);
            }
            if (tl.sb.err || !tl.skip(Tok.SEMI, Site.PROBE_SEMI)) {
                return null;
            }
        }
        if (tThreshold != null || tWindow != null) {
            if (tThreshold == null) {
                tl.sb.cat("Must specify .threshold with .window\n");
                tl.errWhere(tWindow);
                return null;
            } else if (tWindow == null) {
                if (threshold > 64) {
                    tl.sb.cat("Threshold must be 64 or less.\n");
                    tl.errWhere(tThreshold);
                    return null;
                }
                window = threshold + 1;
            } else if (window > 64) {
                tl.sb.cat("Window must be 64 or less.\n");
                tl.errWhere(tWindow);
                return null;
            }
            if (threshold > window) {
                tl.sb.cat(tl.v71() ? "Threshold can not be greater than window.\n"
                        : "Threshold cannot be greater than window.\n");
                tl.errWhere(tThreshold);
                tl.errWhere(tWindow);
            }
        }
        if (!tl.skip(Tok.RBRACE, Site.PROBE_RBRACE)) {
            return null;
        }
        return probe(name, kind, url, request, timeout, interval, window, threshold,
                tInitial != null ? initial : -1, status, start);
    }

    /** The probe with the defaults Varnish's prober fills in (vbp_set_defaults). */
    private VclProbe probe(String name, VclProbe.Kind kind, String url, List<String> request,
            double timeout, double interval, long window, long threshold, long initial,
            long status, VclToken start) {
        int w = window == 0 ? 8 : (int) window;
        int th = threshold == 0 ? 3 : (int) threshold;
        long init = initial < 0 ? th - 1 : initial;
        return new VclProbe(name, kind, Optional.ofNullable(url), Optional.ofNullable(request),
                timeout == 0 ? 2.0 : timeout, interval == 0 ? 5.0 : interval, w, th,
                (int) Math.min(init, th), status == 0 ? 200 : (int) status, tl.pos(start));
    }
}
