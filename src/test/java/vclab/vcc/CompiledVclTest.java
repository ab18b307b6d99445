package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;

/** The data model a successful compilation produces. */
class CompiledVclTest {
    private static final String VCL = """
            vcl 4.1;
            import std;
            import directors;

            probe p_health {
            \t.url = "/health";
            \t.interval = 1s;
            \t.timeout = 500ms;
            \t.window = 3;
            \t.threshold = 2;
            }

            backend b1 {
            \t.host = "127.0.0.1";
            \t.port = "8080";
            \t.probe = p_health;
            \t.connect_timeout = 2s;
            }

            backend b2 {
            \t.host = "127.0.0.1";
            \t.port = "8081";
            \t.probe = {
            \t\t.request = "GET / HTTP/1.1" "Host: x";
            \t}
            }

            acl purgers {
            \t"127.0.0.1";
            \t! "10.1.0.0"/16;
            }

            sub vcl_init {
            \tnew rr = directors.round_robin();
            \trr.add_backend(b1);
            }

            sub vcl_recv {
            \tif (client.ip ~ purgers) {
            \t\treturn (synth(405, "no"));
            \t} elsif (req.url ~ "^/s/") {
            \t\tset req.backend_hint = b2;
            \t} else {
            \t\tset req.backend_hint = rr.backend();
            \t}
            \tset req.http.X-Len = std.integer(req.http.content-length, 0) + 1;
            \tset req.ttl = -1s + 2s;
            \tstd.log("recv " + req.url);
            \tcall normalize;
            }

            sub normalize {
            \tset req.url = regsub(req.url, "\\?.*$", "");
            }
            """;

    private final Vcc vcc = new Vcc(VmodCatalog.standard(), Dialect.V7_1, List.of(),
            BuiltinVcl.own(Dialect.V7_1));

    private CompiledVcl compile(String text) {
        VccResult r = vcc.compile("<vcl.inline>", text);
        assertTrue(r.ok(), r.output());
        return ((VccResult.Success) r).vcl();
    }

    @Test
    void sourcesEndWithBuiltin() {
        CompiledVcl v = compile(VCL);
        assertEquals(2, v.sources().size());
        assertEquals(new VclSource("<vcl.inline>", VCL), v.mainSource());
        assertEquals("<builtin>", v.sources().get(1).name());
        assertEquals(BuiltinVcl.own(Dialect.V7_1).text(), v.sources().get(1).text());
        assertEquals(41, v.syntax());
    }

    @Test
    void importsAndBackends() {
        CompiledVcl v = compile(VCL);
        assertEquals(List.of("std", "directors"),
                v.imports().stream().map(VclImport::name).toList());
        assertEquals(new SourcePos("<vcl.inline>", 2, 1), v.imports().get(0).pos());
        VclBackend b1 = v.backend("b1").orElseThrow();
        assertEquals(Optional.of("127.0.0.1"), b1.host());
        assertEquals(Optional.of("8080"), b1.port());
        assertEquals(List.of("127.0.0.1 8080"), b1.addresses());
        assertEquals("127.0.0.1", b1.hostHeader());
        assertEquals(2.0, b1.connectTimeout().getAsDouble());
        assertTrue(b1.firstByteTimeout().isEmpty());
        assertEquals("p_health", b1.probe().orElseThrow().name());
        assertEquals(Optional.of("b1"), v.defaultBackend());
    }

    @Test
    void probesGetProberDefaults() {
        CompiledVcl v = compile(VCL);
        VclProbe p = v.probe("p_health").orElseThrow();
        assertEquals(VclProbe.Kind.NAMED, p.kind());
        assertEquals(Optional.of("/health"), p.url());
        assertEquals(0.5, p.timeout());
        assertEquals(1.0, p.interval());
        assertEquals(3, p.window());
        assertEquals(2, p.threshold());
        assertEquals(1, p.initial());
        assertEquals(200, p.expectedResponse());
        VclProbe inline = v.backend("b2").orElseThrow().probe().orElseThrow();
        assertEquals(VclProbe.Kind.INLINE, inline.kind());
        assertEquals("vgc_probe__0", inline.name());
        assertEquals(Optional.of(List.of("GET / HTTP/1.1", "Host: x")), inline.request());
        assertEquals(2.0, inline.timeout());
        assertEquals(5.0, inline.interval());
        assertEquals(8, inline.window());
        assertEquals(3, inline.threshold());
        assertEquals(2, inline.initial());
    }

    @Test
    void aclEntries() {
        CompiledVcl v = compile(VCL);
        VclAcl a = v.acls().get(0);
        assertEquals("purgers", a.name());
        assertTrue(a.entries().contains(new VclAcl.Entry(false, "127.0.0.1", 32,
                "\"127.0.0.1\"")));
        assertTrue(a.entries().contains(new VclAcl.Entry(true, "10.1.0.0", 16,
                "!\"10.1.0.0\"/16")));
    }

    @Test
    void initStepsInVccOrder() {
        CompiledVcl v = compile(VCL);
        assertEquals(List.of(InitStep.Kind.VMOD_INIT, InitStep.Kind.VMOD_INIT,
                InitStep.Kind.BACKEND, InitStep.Kind.BACKEND, InitStep.Kind.OBJECT,
                InitStep.Kind.VCL_INIT), v.initSteps().stream().map(InitStep::kind).toList());
        assertEquals(List.of("rr"), v.requiredObjects());
        VclStatement.New n = v.objects().get(0);
        assertEquals("rr", n.name());
        assertEquals("directors", n.vmod());
        assertEquals("round_robin", n.objectClass());
    }

    @Test
    void methodHasVclAndBuiltinBodies() {
        CompiledVcl v = compile(VCL);
        VclSub recv = v.sub("vcl_recv").orElseThrow();
        assertTrue(recv.method());
        assertEquals(2, recv.bodies().size());
        VclSub normalize = v.sub("normalize").orElseThrow();
        assertFalse(normalize.method());
        assertEquals(List.of("vcl_backend_error", "vcl_backend_fetch"),
                v.subs().stream().map(VclSub::name).toList().subList(0, 2));
    }

    @Test
    void ifStatementWithBranches() {
        VclStatement first = compile(VCL).sub("vcl_recv").orElseThrow().bodies().get(0)
                .body().get(0);
        VclStatement.If i = assertInstanceOf(VclStatement.If.class, first);
        VclExpr.Binary match = assertInstanceOf(VclExpr.Binary.class, i.condition());
        assertEquals(VclExpr.Op.MATCH, match.op());
        assertEquals(new VclExpr.AclRef("purgers"), match.right());
        VclStatement.Return r = assertInstanceOf(VclStatement.Return.class,
                i.then().body().get(0));
        assertEquals("synth", r.action());
        assertEquals(List.of(new VclExpr.IntLiteral(405), new VclExpr.StringLiteral("no")),
                r.args());
        assertEquals(1, i.elseIfs().size());
        VclStatement.Set s = assertInstanceOf(VclStatement.Set.class,
                i.elseIfs().get(0).body().body().get(0));
        assertEquals(new VclExpr.BackendRef("b2"), s.value());
        VclStatement.Set dyn = assertInstanceOf(VclStatement.Set.class,
                i.otherwise().body().get(0));
        VclExpr.MethodCall m = assertInstanceOf(VclExpr.MethodCall.class, dyn.value());
        assertEquals("rr", m.instance());
        assertEquals("directors.round_robin", m.objectType());
        assertEquals("backend", m.method());
    }

    @Test
    void vmodCallArgumentsInDeclarationOrder() {
        List<VclStatement> body = compile(VCL).sub("vcl_recv").orElseThrow().bodies().get(0)
                .body();
        VclStatement.Set len = assertInstanceOf(VclStatement.Set.class, body.get(1));
        assertEquals(new VclExpr.Variable("req.http", VclType.HEADER, "X-Len"), len.target());
        assertEquals("req.http.X-Len", len.target().fullName());
        VclExpr.Binary plus = assertInstanceOf(VclExpr.Binary.class,
                assertInstanceOf(VclExpr.ToString.class, len.value()).value());
        VclExpr.VmodCall call = assertInstanceOf(VclExpr.VmodCall.class, plus.left());
        assertEquals("integer", call.function());
        List<VclExpr.Argument> args = call.args();
        assertEquals(List.of("s", "fallback", "bool", "bytes", "duration", "real", "time"),
                args.stream().map(VclExpr.Argument::name).toList());
        assertTrue(args.get(0).given());
        assertEquals(new VclExpr.IntLiteral(0), args.get(1).value());
        assertFalse(args.get(2).given());
        assertEquals(null, args.get(2).value());
    }

    @Test
    void unaryMinusAppliesToLiteralOnly() {
        List<VclStatement> body = compile(VCL).sub("vcl_recv").orElseThrow().bodies().get(0)
                .body();
        VclStatement.Set ttl = assertInstanceOf(VclStatement.Set.class, body.get(2));
        assertEquals(new VclExpr.Binary(VclExpr.Op.ADD, new VclExpr.DurationLiteral(-1),
                new VclExpr.DurationLiteral(2), VclType.DURATION), ttl.value());
    }

    @Test
    void defaultsOfVmodObjects() {
        CompiledVcl v = compile("""
                vcl 4.1;
                import debug;
                backend b none;
                sub vcl_init {
                \tnew o = debug.obj();
                }
                """);
        VclExpr.VmodCall ctor = v.objects().get(0).constructor();
        assertEquals(new VclExpr.StringLiteral("default"), ctor.args().get(0).value());
        assertEquals(new VclExpr.EnumLiteral("one"), ctor.args().get(1).value());
        assertTrue(v.backends().get(0).none());
        assertEquals(List.of(InitStep.Kind.VMOD_INIT, InitStep.Kind.VMOD_EVENT,
                InitStep.Kind.OBJECT, InitStep.Kind.VCL_INIT),
                v.initSteps().stream().map(InitStep::kind).toList());
    }

    @Test
    void backendNamedDefaultIsDefault() {
        CompiledVcl v = compile("""
                vcl 4.1;
                backend b1 { .host = "127.0.0.1"; }
                backend default { .host = "127.0.0.2"; }
                sub vcl_recv { set req.backend_hint = b1; }
                """);
        assertEquals(Optional.of("default"), v.defaultBackend());
        assertEquals(List.of("b1", "default"),
                v.backends().stream().map(VclBackend::name).toList());
    }

    @Test
    void labelsInFirstUseOrder() {
        VccSettings s = VccSettings.DEFAULT.withLabels(List.of("l1", "l2"));
        VccResult r = vcc.compile("<vcl.inline>", """
                vcl 4.1;
                backend b none;
                sub vcl_recv {
                \tif (req.url == "/2") { return (vcl(l2)); }
                \treturn (vcl(l1));
                }
                sub vcl_deliver {
                \tset resp.http.x = "1";
                }
                """, s);
        CompiledVcl v = ((VccResult.Success) r).vcl();
        assertEquals(List.of("l2", "l1"), v.labels());
        assertEquals(List.of("l2", "l1"), v.initSteps().stream()
                .filter(st -> st.kind() == InitStep.Kind.LABEL).map(InitStep::name).toList());
    }

    @Test
    void unknownLabelIsRejected() {
        VccResult r = vcc.compile("<vcl.inline>",
                "vcl 4.1;\nbackend b none;\nsub vcl_recv { return (vcl(l1)); }\n");
        assertFalse(r.ok());
        assertTrue(r.output().contains("Symbol not found: 'l1'"), r.output());
    }

    @Test
    void repeatedCompileIsCached() {
        VccResult a = vcc.compile("<vcl.inline>", VCL);
        assertSame(a, vcc.compile("<vcl.inline>", VCL));
        assertNotSame(a, vcc.compile("<vcl.inline>", VCL,
                VccSettings.DEFAULT.withLabels(List.of("x"))));
        assertNotSame(a, vcc.compile("other.vcl", VCL));
    }

    @Test
    void trunkBackendThroughVia() {
        Vcc trunk = new Vcc(VmodCatalog.standard(), Dialect.TRUNK, List.of(),
                BuiltinVcl.own(Dialect.TRUNK));
        VccResult r = trunk.compile("<vcl.inline>", """
                vcl 4.1;
                backend proxy { .host = "127.0.0.1"; .port = "8443"; }
                backend origin {
                	.host = "localhost";
                	.via = proxy;
                	.authority = "www.example.com:443";
                	.wait_limit = 3;
                }
                sub vcl_recv { set req.backend_hint = origin; }
                """);
        assertTrue(r.ok(), r.output());
        VclBackend origin = ((VccResult.Success) r).vcl().backend("origin").orElseThrow();
        assertEquals(Optional.of("proxy"), origin.via());
        assertEquals(Optional.of("www.example.com"), origin.authority());
        assertEquals(3, origin.waitLimit().getAsInt());
    }

    @Test
    void missingFileIsReported() {
        VccResult r = vcc.compileFile("nosuch.vcl");
        assertFalse(r.ok());
        assertEquals("Message from VCC-compiler:\n"
                + "Cannot read file 'nosuch.vcl' (No such file or directory)\n"
                + "Running VCC-compiler failed, exited with 2\n", r.output());
    }

    @Test
    void unsafePathIsReported() {
        VccSettings safe = new VccSettings(true, false, false, List.of("s0"), List.of());
        VccResult r = vcc.compileFile("/etc/varnish/default.vcl", safe);
        assertFalse(r.ok());
        assertTrue(r.output().contains("VCL filename '/etc/varnish/default.vcl' is unsafe.\n"),
                r.output());
    }

    @Test
    void positionsCountTabsAsVccDoes() {
        CompiledVcl v = compile(VCL);
        VclStatement first = v.sub("normalize").orElseThrow().bodies().get(0).body().get(0);
        int at = VCL.indexOf("\tset req.url = regsub");
        int line = 1 + (int) VCL.substring(0, at).chars().filter(c -> c == '\n').count();
        assertEquals(new SourcePos("<vcl.inline>", line, 9), first.pos());
    }
}
