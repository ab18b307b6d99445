package vclab.cli.adm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliServer;
import vclab.cli.Dialect;
import vclab.cli.FakeCliService;
import vclab.cli.WireGolden;
import vclab.cli.RealVarnish;
import vclab.cli.vsm.VsmWriter;

/**
 * Replays the varnishadm transcripts whose output does not depend on varnishd's VCL state
 * against a vclab CliServer with a fake service: once with vclab adm, and once with the real
 * varnishadm 7.1.1 (which proves the server and the VSM files are what varnishadm expects).
 * Paths and the port of the capture are replaced by the test's own.
 */
class GoldenAdmTest {
    /** Labels of the transcript entries a fake service can reproduce. */
    private static final Set<String> REPLAYED = Set.of(
            "-T 127.0.0.1:6082 -S /tmp/vprobe.secret ping",
            "-n /tmp/vprobe ping",
            "-T 127.0.0.1:6082 -S /tmp/vprobe.secret -p ping",
            "-T 127.0.0.1:6082 -S /tmp/vprobe.secret nosuch",
            "-T 127.0.0.1:6082 -S /tmp/vprobe.secret -p nosuch",
            "no -S", "wrong secret file", "missing secret file", "nothing listening",
            "commands on stdin (not a tty)", "commands on stdin with -p",
            "-e (not an option in 7.1.1)");

    /** Entries where vclab adm prints every reply and 7.1 only the first. */
    private static final Set<String> EVERY_REPLY = Set.of("commands on stdin (not a tty)",
            "commands on stdin with -p");

    @TempDir
    Path dir;
    private CliServer server;
    private VsmWriter vsm;
    private Map<String, String> substitutions;

    /** One transcript entry with the test's paths and port. */
    private record Case(String label, List<String> args, byte[] stdin, int exit, String out,
            String err) {
    }

    @BeforeEach
    void start() throws IOException {
        Path secret = Files.writeString(dir.resolve("vprobe.secret"), "golden-adm-secret\n");
        Files.writeString(dir.resolve("wrong.secret"), "wrong\n");
        server = CliServer.start(new FakeCliService(Files.readAllBytes(secret)),
                CliServer.Options.defaults().withAddress("127.0.0.1:0")
                        .withCliTimeout(() -> Duration.ofSeconds(30)));
        Path workdir = dir.resolve("vprobe");
        vsm = VsmWriter.create(workdir);
        vsm.publishArg("-T", server.vsmAddressLines());
        vsm.publishArg("-S", secret.toString());

        substitutions = new LinkedHashMap<>();
        substitutions.put("127.0.0.1:6082", "127.0.0.1:" + server.addresses().get(0).getPort());
        substitutions.put("127.0.0.1:1", "127.0.0.1:" + RealVarnish.freePort());
        substitutions.put("/tmp/vprobe.secret", secret.toString());
        substitutions.put("/tmp/vprobe-work/", dir + "/");
        substitutions.put("/tmp/vprobe", workdir.toString());
    }

    @AfterEach
    void stop() {
        vsm.close();
        server.close();
    }

    private String substitute(String text) {
        for (Map.Entry<String, String> entry : substitutions.entrySet()) {
            text = text.replace(entry.getKey(), entry.getValue());
        }
        return text;
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode entry : WireGolden.topic("varnishadm")) {
            if (!entry.get("kind").asText().equals("adm")
                    || !REPLAYED.contains(entry.get("label").asText())) {
                continue;
            }
            List<String> args = new ArrayList<>();
            entry.get("argv").forEach(a -> args.add(substitute(a.asText())));
            args.remove(0);
            byte[] stdin = entry.has("stdin") ? WireGolden.bytes(entry.get("stdin").asText())
                    : new byte[0];
            cases.add(new Case(entry.get("label").asText(), args, stdin,
                    entry.get("exit").asInt(), substitute(entry.get("stdout").asText()),
                    substitute(entry.get("stderr").asText())));
        }
        assertEquals(REPLAYED.size(), cases.size(), "transcript entries found");
        return cases;
    }

    @Test
    void vclabAdmMatchesTheTranscripts() throws Exception {
        for (Case c : cases()) {
            RealVarnish.Result got = runVclabAdm(c.args(), c.stdin()).masked();
            assertEquals(c.exit(), got.exit(), c.label());
            assertEquals(RealVarnish.mask(c.err()), got.err(), c.label());
            if (EVERY_REPLY.contains(c.label())) {
                assertTrue(got.out().startsWith(RealVarnish.mask(c.out())), c.label());
                assertTrue(got.out().length() > c.out().length(), c.label());
            } else {
                assertEquals(RealVarnish.mask(c.out()), got.out(), c.label());
            }
        }
    }

    @Test
    @Tag("real-varnish")
    void realVarnishadmReachesTheVclabServer() throws Exception {
        RealVarnish.assumeInstalled("varnishadm");
        for (Case c : cases()) {
            RealVarnish.Result got = RealVarnish.varnishadm(c.args(), c.stdin()).masked();
            assertEquals(c.exit(), got.exit(), c.label());
            assertEquals(RealVarnish.mask(c.out()), got.out(), c.label());
            assertEquals(RealVarnish.mask(c.err()), got.err(), c.label());
        }
    }

    static RealVarnish.Result runVclabAdm(List<String> args, byte[] stdin)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AdmProgram.Streams streams = new AdmProgram.Streams(new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), false);
        AdmProgram program = new AdmProgram(streams, AdmProgram::interactiveUnavailable,
                AdmProgram::embeddedUnavailable, Dialect.V7_1);
        int exit = program.run(args);
        return new RealVarnish.Result(exit, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
    }
}
