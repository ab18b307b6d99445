package vclab.vcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vclab.cli.Dialect;

/**
 * Feeds the compiler random and mutated VCL with a fixed seed and checks that every input
 * gives a well-formed result, the same one each time, with no internal error; and that
 * whatever the compiler accepts, the ANTLR grammar accepts too.
 */
class VccFuzzTest {
    private static final long SEED = 0x5eed_7c1L;
    private static final int ROUNDS = 3000;
    private static final String[] WORDS = {"vcl", "4.1", "4.0", ";", "backend", "b1", "{",
        "}", ".host", "=", "\"127.0.0.1\"", ".port", "\"80\"", "sub", "vcl_recv", "set",
        "req.url", "req.http.X-Foo", "unset", "if", "(", ")", "else", "elsif", "return",
        "pass", "hash", "synth", "404", ",", "\"x\"", "call", "acl", "a", "!", "~", "!~",
        "==", "!=", "&&", "||", "+", "-", "*", "/", "%", "10s", "1.5", "10KB", "true",
        "probe", "p", ".url", "import", "std", "std.log", "new", "o", "directors",
        "round_robin", "include", "\"x.vcl\"", "regsub", "{\"long\"}", "\"\"\"l\"\"\"",
        "C{", "}C", "/*", "*/", "#", "//", "\n", "\t", " ", ":aGk=:", "0x1", "1e5",
        "vcl_init", "vcl_fini", "vcl_backend_response", "beresp.ttl", "client.ip",
        "default", "none", "storage.s0", "synthetic", "ban", "hash_data", "fail", "vcl"};

    @Test
    void randomAndMutatedVclYieldResults() throws IOException {
        Random rnd = new Random(SEED);
        List<String> seeds = seeds();
        for (Dialect d : Dialect.values()) {
            Vcc vcc = new Vcc(VmodCatalog.all(), d, List.of(), BuiltinVcl.own(d));
            for (int i = 0; i < ROUNDS; i++) {
                String text = switch (i % 3) {
                    case 0 -> tokenSoup(rnd);
                    case 1 -> mutate(rnd, seeds.get(rnd.nextInt(seeds.size())));
                    default -> bytes(rnd);
                };
                check(vcc, text);
            }
        }
    }

    private static void check(Vcc vcc, String text) {
        VccResult r = vcc.compile("<vcl.inline>", text);
        assertNotNull(r, text);
        String out = r.output();
        assertFalse(out.contains(VccCompiler.INTERNAL_ERROR), out + "\nfor:\n" + text);
        if (r.ok()) {
            assertTrue(out.isEmpty() || out.startsWith("Message from VCC-compiler:\n"), out);
            assertFalse(out.contains("Running VCC-compiler failed"), out);
            boolean hasInclude = text.contains("include");
            if (!hasInclude) {
                assertEquals(java.util.Optional.empty(), VclSyntax.check(text),
                        "grammar rejects what the compiler accepts:\n" + text);
            }
        } else {
            assertTrue(out.startsWith("Message from VCC-compiler:\n"), out);
            assertTrue(out.endsWith("exited with 2\n") || out.endsWith("signal 6\n"), out);
        }
        assertSame(r, vcc.compile("<vcl.inline>", text), "cached result");
    }

    /** The fuzz inputs, from one seeded generator, for other tests to reuse. */
    static List<String> inputs(long seed, int n) throws IOException {
        Random rnd = new Random(seed);
        List<String> seeds = seeds();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % 2 == 0 ? mutate(rnd, seeds.get(rnd.nextInt(seeds.size())))
                    : tokenSoup(rnd));
        }
        return out;
    }

    private static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        out.add(BuiltinVcl.own(Dialect.V7_1).text());
        try (Stream<Path> s = Files.list(ErrorCorpus.source())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.toString().endsWith(".vcl")) {
                    continue;
                }
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                if (!text.startsWith("# vclab-settings")) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static String tokenSoup(Random rnd) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextBoolean()) {
            sb.append("vcl 4.1;\nbackend b { .host = \"127.0.0.1\"; }\n");
        }
        int n = rnd.nextInt(60);
        for (int i = 0; i < n; i++) {
            sb.append(WORDS[rnd.nextInt(WORDS.length)]).append(rnd.nextInt(4) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static String mutate(Random rnd, String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0:
                    sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(8)));
                    break;
                case 1:
                    sb.insert(at, WORDS[rnd.nextInt(WORDS.length)]);
                    break;
                case 2:
                    sb.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                    break;
                default:
                    sb.setLength(at);
                    break;
            }
        }
        return sb.toString();
    }

    private static String bytes(Random rnd) {
        char[] c = new char[rnd.nextInt(200)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) rnd.nextInt(256);
        }
        return (rnd.nextBoolean() ? "vcl 4.1;" : "") + new String(c);
    }
}
