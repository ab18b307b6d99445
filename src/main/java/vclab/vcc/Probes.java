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

    /** The attributes of one probe while they are parsed, as VCC keeps them. */
    private static final class Spec {
        final VclToken[] tDid = new VclToken[1];
        VclToken tWindow;
        VclToken tThreshold;
        VclToken tInitial;
        long window;
        long threshold;
        long initial;
        long status;
        double timeout;
        double interval;
        String url;
        List<String> request;
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
        Spec p = new Spec();
        while (tl.t.tok != Tok.RBRACE) {
            VclToken field = fs.isField();
            if (tl.sb.err || !field(p, field)) {
                return null;
            }
            if (tl.sb.err || !tl.skip(Tok.SEMI, Site.PROBE_SEMI)) {
                return null;
            }
        }
        if (!checkWindow(p) || !tl.skip(Tok.RBRACE, Site.PROBE_RBRACE)) {
            return null;
        }
        return probe(name, kind, p, start);
    }

    /** Reads the value of one attribute; returns false after an error. */
    private boolean field(Spec p, VclToken field) {
        if (field.idIs("url")) {
            if (!Fields.redef(tl, "Probe request", p.tDid, field)
                    || !tl.expectErr(Tok.CSTR, Site.PROBE_URL_STRING)) {
                return false;
            }
            p.url = tl.t.dec;
            tl.next();
        } else if (field.idIs("request")) {
            if (!Fields.redef(tl, "Probe request", p.tDid, field)
                    || !tl.expectErr(Tok.CSTR, Site.PROBE_REQUEST_STRING)) {
                return false;
            }
            p.request = new ArrayList<>();
            while (tl.t.tok == Tok.CSTR) {
                p.request.add(tl.t.dec);
                tl.next();
            }
        } else if (field.idIs("timeout")) {
            p.timeout = Units.duration(tl);
        } else if (field.idIs("interval")) {
            p.interval = Units.duration(tl);
        } else if (field.idIs("window")) {
            p.tWindow = tl.t;
            p.window = Units.uintVal(tl);
        } else if (field.idIs("initial")) {
            p.tInitial = tl.t;
            p.initial = Units.uintVal(tl);
        } else if (field.idIs("expected_response")) {
            p.status = Units.uintVal(tl);
            if (p.status < 100 || p.status > 999) {
                tl.sb.cat("Must specify .expected_response with exactly three digits "
                        + "(100 <= x <= 999)\n");
                tl.errWhere(tl.t);
                return false;
            }
        } else if (field.idIs("threshold")) {
            p.tThreshold = tl.t;
            p.threshold = Units.uintVal(tl);
        } else if (field.idIs("expect_close")) {
            Units.boolVal(tl);
        }
        return true;
    }

    /** Checks .window against .threshold, which defaults it; returns false on an error. */
    private boolean checkWindow(Spec p) {
        if (p.tThreshold == null && p.tWindow == null) {
            return true;
        }
        if (p.tThreshold == null) {
            tl.sb.cat("Must specify .threshold with .window\n");
            tl.errWhere(p.tWindow);
            return false;
        } else if (p.tWindow == null) {
            if (p.threshold > 64) {
                tl.sb.cat("Threshold must be 64 or less.\n");
                tl.errWhere(p.tThreshold);
                return false;
            }
            p.window = p.threshold + 1;
        } else if (p.window > 64) {
            tl.sb.cat("Window must be 64 or less.\n");
            tl.errWhere(p.tWindow);
            return false;
        }
        if (p.threshold > p.window) {
            tl.sb.cat(tl.v71() ? "Threshold can not be greater than window.\n"
                    : "Threshold cannot be greater than window.\n");
            tl.errWhere(p.tThreshold);
            tl.errWhere(p.tWindow);
        }
        return true;
    }

    /** Makes the probe with the defaults Varnish's prober fills in (vbp_set_defaults). */
    private VclProbe probe(String name, VclProbe.Kind kind, Spec p, VclToken start) {
        int window = p.window == 0 ? 8 : (int) p.window;
        int threshold = p.threshold == 0 ? 3 : (int) p.threshold;
        long initial = p.tInitial == null ? threshold - 1 : p.initial;
        return new VclProbe(name, kind, Optional.ofNullable(p.url),
                Optional.ofNullable(p.request), p.timeout == 0 ? 2.0 : p.timeout,
                p.interval == 0 ? 5.0 : p.interval, window, threshold,
                (int) Math.min(initial, threshold), p.status == 0 ? 200 : (int) p.status,
                tl.pos(start));
    }
}
