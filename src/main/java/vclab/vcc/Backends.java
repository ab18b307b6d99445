package vclab.vcc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Backend and probe declarations (vcc_backend.c). */
final class Backends {
    private static final List<String> PROBE_FIELDS = List.of("url", "request",
            "expected_response", "timeout", "interval", "window", "threshold", "initial");
    private static final List<String> PROBE_FIELDS_80 = List.of("url", "request",
            "expected_response", "timeout", "interval", "window", "threshold", "initial",
            "expect_close");
    private static final List<String> BACKEND_FIELDS = List.of("host", "port", "path",
            "host_header", "connect_timeout", "first_byte_timeout", "between_bytes_timeout",
            "probe", "max_connections", "proxy_header", "preamble");
    private static final List<String> BACKEND_FIELDS_80 = List.of("host", "port", "path",
            "host_header", "connect_timeout", "first_byte_timeout", "between_bytes_timeout",
            "probe", "max_connections", "proxy_header", "preamble", "via", "authority",
            "wait_timeout", "wait_limit");

    private final Compilation tl;
    /** The symbol of the first backend while it is the default one (first_director). */
    private Symbol firstDirector;
    /** Whether a default director is set: the first backend or one named "default". */
    private boolean hasDefaultDirector;
    /** The symbol of the backend being declared, if it has one. */
    private Symbol currentBackend;

    Backends(Compilation tl) {
        this.tl = tl;
    }

    boolean hasDefaultDirector() {
        return hasDefaultDirector;
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
    private VclProbe probeSpec(String name, VclProbe.Kind kind, VclToken start) {
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
                if (!redef("Probe request", tDid, field)
                        || !tl.expectErr(Tok.CSTR, Site.PROBE_URL_STRING)) {
                    return null;
                }
                url = tl.t.dec;
                tl.next();
            } else if (field.idIs("request")) {
                if (!redef("Probe request", tDid, field)
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

    /** vcc_Redef: .url and .request exclude each other, so do .host and .path. */
    private boolean redef(String what, VclToken[] tDid, VclToken field) {
        if (tDid[0] != null) {
            tl.sb.cat(what).cat(" redefinition at:\n");
            tl.errWhere(field);
            tl.sb.cat("Previous definition:\n");
            tl.errWhere(tDid[0]);
            return false;
        }
        tDid[0] = field;
        return true;
    }

    /** vcc_ParseBackend: "backend NAME { ... }" or "backend NAME none;". */
    void parseBackend() {
        tl.model.ndirector++;
        VclToken tFirst = tl.t;
        if (!tl.skip(Tok.ID, Site.BACKEND_KEYWORD)) {
            return;
        }
        tl.parser.expectVid("backend");
        if (tl.sb.err) {
            return;
        }
        VclToken tBe = tl.t;
        String name;
        currentBackend = null;
        if (tl.t.idIs("default")) {
            if (firstDirector != null) {
                firstDirector.noref = false;
                firstDirector = null;
                hasDefaultDirector = false;
                tl.model.defaultBackend = null;
            }
            if (hasDefaultDirector) {
                tl.sb.cat("Only one default director possible.\n");
                tl.errWhere(tFirst);
                return;
            }
            tl.next();
            name = "default";
            hasDefaultDirector = true;
            tl.model.defaultBackend = name;
        } else {
            Symbol sym = tl.symbols.handleSymbol(VccType.BACKEND);
            if (tl.sb.err) {
                return;
            }
            currentBackend = sym;
            name = sym.name;
            if (!hasDefaultDirector) {
                firstDirector = sym;
                hasDefaultDirector = true;
                tl.model.defaultBackend = name;
                sym.noref = true;
            }
        }
        hostDef(tBe, name, tFirst);
        currentBackend = null;
        if (tl.sb.err) {
            tl.sb.cat("\nIn ").cat(tFirst.text()).cat(" specification starting at:\n");
            tl.errWhere(tFirst);
        }
    }

    /** The attributes of one backend declaration while they are parsed. */
    private static final class HostDef {
        VclToken host;
        VclToken port;
        VclToken path;
        VclToken hostHeader;
        VclToken preamble;
        Double connectTimeout;
        Double firstByteTimeout;
        Double betweenBytesTimeout;
        Integer maxConnections;
        Integer proxyHeader;
        VclProbe probe;
        Symbol via;
        VclToken authority;
        Double waitTimeout;
        Integer waitLimit;
    }

    /** vcc_ParseHostDef. */
    private void hostDef(VclToken tBe, String name, VclToken tFirst) {
        if (tl.t.idIs("none") || tl.t.idIs("None")) {
            tl.next();
            if (!tl.skip(Tok.SEMI, Site.BACKEND_NONE_SEMI)) {
                return;
            }
            tl.model.backends.add(new VclBackend(name, true, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), "0.0.0.0", OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), Optional.empty(), Optional.empty(), tl.pos(tFirst)));
            return;
        }
        if (!tl.skip(Tok.LBRACE, Site.BACKEND_LBRACE)) {
            return;
        }
        if (tl.t.idIs("set")) {
            tl.sb.cat("NB: Backend Syntax has changed:\n"
                    + "Remove \"set\" and \"backend\" in front of backend fields.\n");
            tl.errToken(tl.t);
            tl.sb.cat(" at ");
            tl.errWhere(tl.t);
            return;
        }
        Fields fs = new Fields(tl, tl.v71() ? BACKEND_FIELDS : BACKEND_FIELDS_80);
        HostDef d = new HostDef();
        VclToken[] tDid = new VclToken[1];
        while (tl.t.tok != Tok.RBRACE) {
            VclToken field = fs.isField();
            if (tl.sb.err || !hostField(d, field, tDid)) {
                return;
            }
        }
        if (!tl.expectErr(Tok.RBRACE, Site.BACKEND_RBRACE)) {
            return;
        }
        if (d.host == null && d.path == null) {
            tl.sb.cat("Expected .host or .path.\n");
            tl.errWhere(tBe);
            return;
        }
        if (d.via != null && d.path != null) {
            tl.sb.cat("Cannot set both .via and .path.\n");
            tl.errWhere(tBe);
            return;
        }
        List<String> addresses = new ArrayList<>();
        if (d.host != null) {
            String spec = d.port != null ? d.host.dec + " " + d.port.dec : d.host.dec;
            Addresses.Resolved r = Addresses.resolve(tl, spec, "80", 2, d.host, "Backend host");
            if (r != null) {
                addresses.addAll(r.all());
            }
        } else {
            udsPath(d.path, "Backend path");
        }
        if (tl.sb.err) {
            return;
        }
        if (d.via != null) {
            viaAuthority(d);
        }
        tl.next();
        String hostHeader = d.hostHeader != null ? d.hostHeader.dec
                : d.host != null ? d.host.dec : "0.0.0.0";
        tl.model.backends.add(new VclBackend(name, false, dec(d.host), dec(d.port),
                dec(d.path), addresses, hostHeader, optional(d.connectTimeout),
                optional(d.firstByteTimeout), optional(d.betweenBytesTimeout),
                optional(d.maxConnections), optional(d.proxyHeader),
                Optional.ofNullable(d.probe),
                Optional.ofNullable(d.preamble).map(t -> t.blob), tl.pos(tFirst)));
        tl.model.step(InitStep.Kind.BACKEND, name, tl.pos(tFirst));
    }

    private static Optional<String> dec(VclToken t) {
        return t == null ? Optional.empty() : Optional.of(t.dec);
    }

    private static OptionalDouble optional(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static OptionalInt optional(Integer i) {
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** One ".field = value;" of a backend; returns false after an error. */
    private boolean hostField(HostDef d, VclToken field, VclToken[] tDid) {
        String f = field.text();
        switch (f) {
            case "host":
                if (!redef("Address", tDid, field)) {
                    return false;
                }
                d.host = stringField(Site.BACKEND_HOST_STRING, Site.BACKEND_HOST_SEMI);
                return d.host != null;
            case "port":
                d.port = stringField(Site.BACKEND_PORT_STRING, Site.BACKEND_PORT_SEMI);
                return d.port != null;
            case "path":
                if (tl.syntax < 41) {
                    tl.sb.cat("Unix socket backends only supported in VCL4.1 and higher.\n");
                    tl.errToken(tl.t);
                    tl.sb.cat(" at ");
                    tl.errWhere(tl.t);
                    return false;
                }
                if (!redef("Address", tDid, field)) {
                    return false;
                }
                d.path = stringField(Site.BACKEND_PATH_STRING, Site.BACKEND_PATH_SEMI);
                return d.path != null;
            case "host_header":
                d.hostHeader = stringField(Site.BACKEND_HOST_HEADER_STRING,
                        Site.BACKEND_HOST_HEADER_SEMI);
                return d.hostHeader != null;
            case "connect_timeout":
                d.connectTimeout = durationField(Site.BACKEND_CONNECT_TIMEOUT_SEMI);
                return d.connectTimeout != null;
            case "first_byte_timeout":
                d.firstByteTimeout = durationField(Site.BACKEND_FIRST_BYTE_TIMEOUT_SEMI);
                return d.firstByteTimeout != null;
            case "between_bytes_timeout":
                d.betweenBytesTimeout = durationField(Site.BACKEND_BETWEEN_BYTES_TIMEOUT_SEMI);
                return d.betweenBytesTimeout != null;
            case "max_connections":
                long u = Units.uintVal(tl);
                if (tl.sb.err || !tl.skip(Tok.SEMI, Site.BACKEND_MAX_CONNECTIONS_SEMI)) {
                    return false;
                }
                d.maxConnections = (int) u;
                return true;
            case "proxy_header":
                return proxyHeader(d);
            case "probe":
                return probeField(d);
            case "preamble":
                if (!tl.expectErr(Tok.CBLOB, Site.BACKEND_PREAMBLE_BLOB)) {
                    return false;
                }
                d.preamble = tl.t;
                tl.next();
                return tl.skip(Tok.SEMI, Site.BACKEND_PREAMBLE_SEMI);
            case "via":
                return via(d);
            case "authority":
                d.authority = stringField(Site.BACKEND_AUTHORITY_STRING,
                        Site.BACKEND_AUTHORITY_SEMI);
                return d.authority != null;
            case "wait_timeout":
                d.waitTimeout = durationField(Site.BACKEND_WAIT_TIMEOUT_SEMI);
                return d.waitTimeout != null;
            case "wait_limit":
                long limit = Units.uintVal(tl);
                if (tl.sb.err || !tl.skip(Tok.SEMI, Site.BACKEND_WAIT_LIMIT_SEMI)) {
                    return false;
                }
                d.waitLimit = (int) limit;
                return true;
            default:
                throw new IllegalStateException("backend field " + f);
        }
    }

    private VclToken stringField(Site string, Site semi) {
        if (!tl.expectErr(Tok.CSTR, string)) {
            return null;
        }
        VclToken t = tl.t;
        tl.next();
        return tl.skip(Tok.SEMI, semi) ? t : null;
    }

    private Double durationField(Site semi) {
        double v = Units.duration(tl);
        if (tl.sb.err || !tl.skip(Tok.SEMI, semi)) {
            return null;
        }
        return v;
    }

    private boolean proxyHeader(HostDef d) {
        VclToken tVal = tl.t;
        long u = Units.uintVal(tl);
        if (tl.sb.err) {
            return false;
        }
        if (u != 1 && u != 2) {
            tl.sb.cat(".proxy_header must be 1 or 2\n");
            tl.errWhere(tVal);
            return false;
        }
        if (!tl.skip(Tok.SEMI, Site.BACKEND_PROXY_HEADER_SEMI)) {
            return false;
        }
        d.proxyHeader = (int) u;
        return true;
    }

    private boolean probeField(HostDef d) {
        if (tl.t.tok == Tok.LBRACE) {
            d.probe = probeSpec(null, VclProbe.Kind.INLINE, tl.t);
            if (d.probe != null) {
                tl.model.probes.add(d.probe);
            }
            return !tl.sb.err;
        }
        if (tl.t.tok == Tok.ID && !tl.v71()) {
            VclToken tProbe = tl.t;
            Symbol pb = tl.symbols.get(Symbols.Ns.MAIN, SymKind.PROBE, Symbols.Mode.EXISTING,
                    Symbols.Xref.REF);
            if (tl.sb.err) {
                return false;
            }
            if (pb.type == VccType.DEFAULT) {
                if (tl.model.defaultProbe == null) {
                    tl.sb.cat("No default probe defined\n");
                    tl.errToken(tProbe);
                    tl.sb.cat(" at\n");
                    tl.errWhere(tProbe);
                    return false;
                }
                d.probe = tl.model.defaultProbe;
            } else {
                d.probe = tl.model.probe(pb.name);
            }
            return tl.skip(Tok.SEMI, Site.BACKEND_PROBE_SEMI);
        }
        if (tl.t.tok == Tok.ID) {
            if (tl.t.idIs("default")) {
                tl.next();
                defaultProbe();
                d.probe = tl.model.defaultProbe;
            } else {
                Symbol pb = tl.symbols.get(Symbols.Ns.MAIN, SymKind.PROBE,
                        Symbols.Mode.EXISTING, Symbols.Xref.REF);
                if (tl.sb.err) {
                    return false;
                }
                d.probe = tl.model.probe(pb.name);
            }
            return tl.skip(Tok.SEMI, Site.BACKEND_PROBE_SEMI);
        }
        tl.sb.cat("Expected '{' or name of probe, got ");
        tl.errToken(tl.t);
        tl.sb.cat(" at\n");
        tl.errWhere(tl.t);
        return false;
    }

    /** .via (Varnish 8.0): a backend to connect through; via backends do not stack. */
    private boolean via(HostDef d) {
        Symbol via = tl.symbols.get(Symbols.Ns.MAIN, SymKind.BACKEND, Symbols.Mode.EXISTING,
                Symbols.Xref.REF);
        if (tl.sb.err) {
            return false;
        }
        if ("via".equals(via.extra)) {
            tl.sb.cat("Cannot stack .via backends at\n");
            tl.errWhere(tl.t);
            return false;
        }
        if (currentBackend != null) {
            currentBackend.extra = "via";
        }
        d.via = via;
        return tl.skip(Tok.SEMI, Site.BACKEND_VIA_SEMI);
    }

    /**
     * The authority a .via backend sends: .authority, else .host_header, else .host, which
     * must not be a numeric address.
     */
    private void viaAuthority(HostDef d) {
        VclToken tVal = d.authority != null ? d.authority
                : d.hostHeader != null ? d.hostHeader : d.host;
        String p = tVal.dec;
        String[] hp = new String[2];
        boolean isIp = Addresses.parse(p, hp) == null && hp[0] != null
                && HostTable.numeric(hp[0]) != null && (hp[1] == null || hp[1].matches("[0-9]+"));
        if (isIp) {
            if (tVal == d.authority) {
                tl.sb.cat(".authority can not be an ip address with .via.\n");
            } else {
                tl.sb.cat(".").cat(tVal == d.hostHeader ? "host_header" : "host")
                        .cat(" used as authority can not be an ip address with .via.\n");
                tl.sb.cat("Hint: configure .authority explicitly\n");
            }
            tl.errWhere(tVal);
        }
    }

    /** Emit_UDS_Path: an absolute path to a socket; a missing one is only a warning. */
    private void udsPath(VclToken tPath, String errid) {
        String path = tPath.dec;
        if (!tl.v71()) {
            if (!path.startsWith("/") && !path.startsWith("@")) {
                tl.sb.cat(errid).cat(": Must be a valid path or abstract socket:\n");
                tl.errWhere(tPath);
                return;
            }
            String err = path.length() + 1 > 108 ? "Path too long for a Unix domain socket"
                    : path.equals("@") ? "The empty abstract socket name is not supported"
                    : null;
            if (err != null) {
                tl.sb.cat(errid).cat(": ").cat(err).cat("\n");
                tl.errWhere(tPath);
                return;
            }
            if (path.startsWith("@")) {
                return;
            }
        } else if (!path.startsWith("/")) {
            tl.sb.cat(errid).cat(": Must be an absolute path:\n");
            tl.errWhere(tPath);
            return;
        }
        Path p = Path.of(tPath.dec);
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            if (((Integer) mode & 0170000) != 0140000) {
                tl.sb.cat(errid).cat(": Not a socket:\n");
                tl.errWhere(tPath);
            }
        } catch (NoSuchFileException e) {
            tl.sb.cat(errid).cat(": Cannot stat: No such file or directory\n");
            tl.errWhere(tPath);
            tl.sb.warn();
        } catch (AccessDeniedException e) {
            tl.sb.cat(errid).cat(": Cannot stat: Permission denied\n");
            tl.errWhere(tPath);
            tl.sb.warn();
        } catch (IOException | UnsupportedOperationException e) {
            tl.sb.cat(errid).cat(": Cannot stat: Input/output error\n");
            tl.errWhere(tPath);
        }
    }
}
