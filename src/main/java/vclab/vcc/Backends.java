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

/** Backend declarations (vcc_backend.c); probes are in {@link Probes}. */
final class Backends {
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

    /** vcc_ParseBackend: "backend NAME { ... }" or "backend NAME none;". */
    void parseBackend() {
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
                    OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                    tl.pos(tFirst)));
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
        List<String> addresses = endpoint(d);
        if (tl.sb.err) {
            return;
        }
        if (d.via != null) {
            viaAuthority(d);
        }
        tl.next();
        add(name, d, addresses, tFirst);
    }

    /** Checks the address or socket path; returns the resolved addresses. */
    private List<String> endpoint(HostDef d) {
        List<String> addresses = new ArrayList<>();
        if (d.host != null) {
            String spec = d.host.dec;
            if (d.port != null) {
                spec += " " + d.port.dec;
            }
            Addresses.Resolved r = Addresses.resolve(tl, spec, "80", 2, d.host, "Backend host");
            if (r != null) {
                addresses.addAll(r.all());
            }
        } else {
            udsPath(d.path, "Backend path");
        }
        return addresses;
    }

    /** Adds the backend to the model, with its load step. */
    private void add(String name, HostDef d, List<String> addresses, VclToken tFirst) {
        String hostHeader = d.hostHeader != null ? d.hostHeader.dec
                : d.host != null ? d.host.dec : "0.0.0.0";
        Optional<String> authority = Optional.empty();
        if (d.via != null) {
            String a = (d.authority != null ? d.authority : d.hostHeader != null
                    ? d.hostHeader : d.host).dec;
            authority = Optional.of(a.indexOf(':') < 0 ? a : a.substring(0, a.indexOf(':')));
        }
        tl.model.backends.add(new VclBackend(name, false, dec(d.host), dec(d.port),
                dec(d.path), addresses, hostHeader, optional(d.connectTimeout),
                optional(d.firstByteTimeout), optional(d.betweenBytesTimeout),
                optional(d.maxConnections), optional(d.proxyHeader),
                Optional.ofNullable(d.probe),
                Optional.ofNullable(d.preamble).map(t -> t.blob),
                Optional.ofNullable(d.via).map(s -> s.name), authority,
                optional(d.waitTimeout), optional(d.waitLimit), tl.pos(tFirst)));
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
                if (!Fields.redef(tl, "Address", tDid, field)) {
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
                if (!Fields.redef(tl, "Address", tDid, field)) {
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
            d.probe = tl.probes.probeSpec(null, VclProbe.Kind.INLINE, tl.t);
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
                tl.probes.defaultProbe();
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
