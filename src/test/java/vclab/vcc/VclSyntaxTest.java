package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;

/** The ANTLR grammar of VCL's syntax. */
class VclSyntaxTest {
    @Test
    void acceptsBuiltinVcl() {
        for (Dialect d : Dialect.values()) {
            assertEquals(Optional.empty(), VclSyntax.check(BuiltinVcl.own(d).text()));
        }
    }

    @Test
    void acceptsVclForms() {
        String vcl = """
                vcl 4.1;
                import std from "/usr/lib/libvmod_std.so";
                include "x.vcl";
                backend b none;
                probe p { .request = "GET /" "Host: x"; .window = 8; .timeout = 1s; }
                acl a +log -pedantic { "1.2.3.4"/24; !"5.6.7.8"; ("x.example"); }
                sub vcl_recv {
                    if (req.http.x ~ "a" && !req.http.y || client.ip ~ a) {
                        set req.http.z += {"long"} + \"\"\"other\"\"\";
                    } else if (req.restarts == 0) {
                        return (synth(404, "x" + req.url));
                    } elsif (true) {
                        call foo;
                    } else {
                        return (vcl(label));
                    }
                    std.log(s = "x");
                    unset req.http."quoted";
                    set req.ttl *= 1.5;
                }
                """;
        assertEquals(Optional.empty(), VclSyntax.check(vcl));
    }

    @Test
    void reportsFirstError() {
        Optional<VclSyntax.Error> e = VclSyntax.check("vcl 4.1;\nsub vcl_recv {\n  set ;\n}\n");
        assertTrue(e.isPresent());
        assertEquals(3, e.get().line());
    }

    @Test
    void rejectsUnterminatedString() {
        assertTrue(VclSyntax.check("vcl 4.1;\nsub x { set req.url = \"abc; }\n").isPresent());
    }
}
