package vclab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;
import vclab.vcc.BuiltinVcl;
import vclab.vcc.CompiledVcl;
import vclab.vcc.Vcc;
import vclab.vcc.VccResult;
import vclab.vcc.VclBackend;
import vclab.vcc.VmodCatalog;

/** The endpoint a compiled backend declaration gets at run time, which probes connect to. */
class BackendDefTest {
    private final Vcc vcc = new Vcc(VmodCatalog.standard(), Dialect.V7_1, List.of(),
            BuiltinVcl.own(Dialect.V7_1));

    private VclBackend backend(String declaration) {
        VccResult r = vcc.compile("<vcl.inline>", "vcl 4.1;\n" + declaration
                + "\nsub vcl_recv { set req.backend_hint = b1; }\n");
        assertTrue(r.ok(), r.output());
        return ((VccResult.Success) r).vcl().backends().get(0);
    }

    @Test
    void hostAndPortAttributes() {
        ProgramBuilder.BackendDef d = CompiledProgram.def(
                backend("backend b1 { .host = \"127.0.0.1\"; .port = \"8081\"; }"));
        assertEquals("127.0.0.1", d.host());
        assertEquals("8081", d.port());
    }

    @Test
    void portInsideHost() {
        ProgramBuilder.BackendDef d = CompiledProgram.def(
                backend("backend b1 { .host = \"127.0.0.1:8082\"; }"));
        assertEquals("127.0.0.1", d.host());
        assertEquals("8082", d.port());
    }

    @Test
    void defaultPortIs80() {
        ProgramBuilder.BackendDef d = CompiledProgram.def(
                backend("backend b1 { .host = \"127.0.0.1\"; }"));
        assertEquals("127.0.0.1", d.host());
        assertEquals("80", d.port());
    }
}
