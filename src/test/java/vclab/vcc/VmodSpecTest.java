package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** vclab's VMOD declaration format and the catalog built from it. */
class VmodSpecTest {
    @Test
    void parsesFunctionsObjectsAndAliases() {
        VmodSpec s = VmodSpecParser.parse("t.vmod", """
                # a test module
                vmod t
                event
                func STRING greet(STRING name = "x, y", [INT times], PRIV_TASK)
                object box(ENUM{small,big} size = small,
                    PROBE probe = null) null_ok
                method box BACKEND backend(STRANDS)
                alias box.get box.backend
                """);
        assertEquals("t", s.name());
        assertTrue(s.hasEvent());
        VmodSpec.Function f = s.function("greet").orElseThrow();
        assertEquals(VclType.STRING, f.returnType());
        assertTrue(f.hasStructArgs());
        VmodSpec.Arg name = f.args().get(0);
        assertEquals(VclType.STRING, name.type());
        assertEquals("\"x, y\"", name.defaultValue());
        assertTrue(f.args().get(1).optional());
        assertEquals("PRIV_TASK", f.args().get(2).priv());
        assertNull(f.args().get(2).type());
        VmodSpec.ObjectClass box = s.object("box").orElseThrow();
        assertTrue(box.nullOk());
        assertEquals(List.of("small", "big"), box.constructor().args().get(0).enumValues());
        assertEquals("null", box.constructor().args().get(1).defaultValue());
        assertEquals(VclType.BACKEND, box.method("backend").orElseThrow().returnType());
        assertEquals(new VmodSpec.Alias("box.get", "box.backend"), s.aliases().get(0));
    }

    @Test
    void rejectsUnknownTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VmodSpecParser.parse("bad.vmod", "vmod bad\nfunc NUMBER f()\n"));
        assertTrue(e.getMessage().startsWith("bad.vmod:2: "), e.getMessage());
    }

    @Test
    void rejectsMethodOfUnknownClass() {
        assertThrows(IllegalArgumentException.class,
                () -> VmodSpecParser.parse("bad.vmod", "vmod bad\nmethod x VOID f()\n"));
    }

    @Test
    void standardCatalogHasTheSimulatedVmods() {
        VmodCatalog c = VmodCatalog.standard();
        assertEquals(VmodCatalog.STANDARD_VMODS, c.names());
        assertFalse(c.find("blob").isPresent());
        assertTrue(VmodCatalog.all().find("blob").isPresent());
    }

    @Test
    void debugHasLifecycleFunctions() {
        VmodSpec d = VmodCatalog.standard().find("debug").orElseThrow();
        for (String f : List.of("vcl_discard_delay", "vcl_prevent_cold", "vcl_allow_cold",
                "cold_backend", "cooling_backend", "fail", "fail2")) {
            assertTrue(d.function(f).isPresent(), f);
        }
        for (String o : List.of("obj", "director", "dyn", "dyn_uds")) {
            assertTrue(d.object(o).isPresent(), o);
        }
        assertEquals("PRIV_VCL", d.function("vcl_discard_delay").orElseThrow().args().get(0)
                .priv());
    }

    @Test
    void dynamicDirectorSignature() {
        VmodSpec.ObjectClass dir = VmodCatalog.standard().find("dynamic").orElseThrow()
                .object("director").orElseThrow();
        assertEquals(List.of("port", "host_header", "share", "probe", "whitelist", "ttl",
                "connect_timeout", "first_byte_timeout", "between_bytes_timeout",
                "domain_usage_timeout", "first_lookup_timeout", "max_connections",
                "proxy_header", "via"), dir.constructor().args().stream()
                .map(VmodSpec.Arg::name).toList());
        VmodSpec.Function backend = dir.method("backend").orElseThrow();
        assertEquals(List.of("host", "port"),
                backend.args().stream().map(VmodSpec.Arg::name).toList());
        assertTrue(dir.method("service").isPresent());
        assertEquals(VclType.BOOL, dir.method("debug").orElseThrow().args().get(0).type());
    }

    @Test
    void catalogsCompareByContent() {
        VmodSpec t = VmodSpecParser.parse("t", "vmod t\nfunc VOID f()\n");
        assertEquals(VmodCatalog.of(List.of(t)), VmodCatalog.of(List.of(t)));
        assertEquals(VmodCatalog.of(List.of(t)).hashCode(),
                VmodCatalog.of(List.of(t)).hashCode());
        assertNotEquals(VmodCatalog.of(List.of(t)), VmodCatalog.standard());
    }
}
