package vclab.cli.adm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vclab.cli.RealVarnish;
import vclab.cli.WireGolden;
import vclab.cli.vsm.VsmReader;

/**
 * Runs vclab adm and the real varnishadm with the same arguments against a real varnishd 7.1.1
 * that the test starts on loopback, and compares exit codes, stdout and stderr. Where the
 * transcripts recorded the same command, the output must match them too.
 */
@Tag("real-varnish")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealVarnishdAdmTest {
    private Path base;
    private Path secret;
    private RealVarnish.Varnishd varnishd;

    @BeforeAll
    void startVarnishd() throws Exception {
        RealVarnish.assumeInstalled("varnishd", "varnishadm");
        base = RealVarnish.sharedTempDirectory("vclab-varnishd");
        secret = Files.writeString(base.resolve("secret"), "real-varnishd-secret\n");
        Files.writeString(base.resolve("wrong.secret"), "wrong\n");
        varnishd = RealVarnish.Varnishd.start(base.resolve("wd"), secret);
    }

    @AfterAll
    void stopVarnishd() throws Exception {
        if (varnishd != null) {
            varnishd.close();
        }
        if (base != null) {
            try (var files = Files.walk(base)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p ->
                        p.toFile().delete());
            }
        }
    }

    private List<String> withAuth(String... command) {
        List<String> args = new ArrayList<>(List.of("-T", varnishd.address(), "-S",
                secret.toString()));
        args.addAll(List.of(command));
        return args;
    }

    /** Runs both programs and asserts that they agree; returns vclab's masked result. */
    private RealVarnish.Result both(List<String> args, String stdin) throws Exception {
        byte[] input = stdin.getBytes(StandardCharsets.ISO_8859_1);
        RealVarnish.Result real = RealVarnish.varnishadm(args, input).masked();
        RealVarnish.Result vclab = GoldenAdmTest.runVclabAdm(args, input).masked();
        assertEquals(real, vclab, String.join(" ", args));
        return vclab;
    }

    private RealVarnish.Result both(String... args) throws Exception {
        return both(List.of(args), "");
    }

    private RealVarnish.Result both(List<String> args) throws Exception {
        return both(args, "");
    }

    /** The transcript's stdout, stderr and exit code for an argv suffix, masked. */
    private Optional<RealVarnish.Result> golden(String label) {
        for (JsonNode entry : WireGolden.topic("varnishadm")) {
            if (entry.get("kind").asText().equals("adm")
                    && entry.get("label").asText().equals(label)) {
                return Optional.of(new RealVarnish.Result(entry.get("exit").asInt(),
                        entry.get("stdout").asText(), entry.get("stderr").asText()).masked());
            }
        }
        return Optional.empty();
    }

    private void assertLikeGolden(String label, RealVarnish.Result got) {
        RealVarnish.Result expected = golden(label).orElseThrow(() -> new AssertionError(
                "no transcript entry " + label));
        assertEquals(expected, got, label);
    }

    @Test
    void oneShotCommandsMatch() throws Exception {
        String prefix = "-T 127.0.0.1:6082 -S /tmp/vprobe.secret ";
        for (String command : List.of("ping", "status", "nosuch", "vcl.use nosuch",
                "param.set vcl_cooldown abc")) {
            RealVarnish.Result got = both(withAuth(command.split(" ")), "");
            assertLikeGolden(prefix + command, got);
        }
        for (String command : List.of("ping", "nosuch")) {
            RealVarnish.Result got = both(withAuth("-p", command), "");
            assertLikeGolden(prefix + "-p " + command, got);
        }
    }

    @Test
    void jsonAndListingsMatch() throws Exception {
        for (String command : List.of("ping -j", "help", "help -j", "vcl.list", "vcl.list -j",
                "banner", "param.show vcl_cooldown", "storage.list", "backend.list")) {
            both(withAuth(command.split(" ")), "");
            both(withAuth(("-p " + command).split(" ")), "");
        }
    }

    @Test
    void inlineVclNeedsCallerQuotes() throws Exception {
        RealVarnish.Result unquoted = both(withAuth("vcl.inline", "vq2",
                "vcl 4.1; backend default none;"), "");
        assertLikeGolden("vcl.inline with the VCL as one argv (not quoted on the wire)",
                unquoted);

        RealVarnish.Result real = RealVarnish.varnishadm(withAuth("vcl.inline", "vq2",
                "\"vcl 4.1; backend default none;\""), new byte[0]).masked();
        RealVarnish.Result discard = RealVarnish.varnishadm(withAuth("vcl.discard", "vq2"),
                new byte[0]).masked();
        RealVarnish.Result vclab = GoldenAdmTest.runVclabAdm(withAuth("vcl.inline", "vq2",
                "\"vcl 4.1; backend default none;\""), new byte[0]).masked();
        assertEquals(real, vclab);
        assertLikeGolden("vcl.inline with caller-supplied quotes", vclab);
        assertEquals(discard, GoldenAdmTest.runVclabAdm(withAuth("vcl.discard", "vq2"),
                new byte[0]).masked());
    }

    @Test
    void connectionFailuresMatch() throws Exception {
        assertLikeGolden("no -S", both("-T", varnishd.address(), "ping"));
        RealVarnish.Result wrong = both("-T", varnishd.address(), "-S",
                base.resolve("wrong.secret").toString(), "ping");
        assertLikeGolden("wrong secret file", wrong);

        String missing = base.resolve("nosuch.secret").toString();
        RealVarnish.Result got = both("-T", varnishd.address(), "-S", missing, "ping");
        assertEquals(new RealVarnish.Result(2, "", "Cannot open \"" + missing
                + "\": No such file or directory\n"), got);

        int port = RealVarnish.freePort();
        RealVarnish.Result refused = both("-T", "127.0.0.1:" + port, "ping");
        assertEquals(new RealVarnish.Result(2, "", "Connection failed (127.0.0.1:" + port
                + "): Connection refused\n"), refused);
    }

    @Test
    void usageErrorsMatch() throws Exception {
        assertLikeGolden("-e (not an option in 7.1.1)", both(withAuth("-e", "ping")));
        both("-h");
        both("-x");
        both("-T");
        both("--optstring");
        both("--optstring", "x");
        both("-T", varnishd.address(), "-n", "x", "ping");
        both("-S", "x", "ping");
    }

    @Test
    void workdirFindsTheRealVarnishd() throws Exception {
        String workdir = varnishd.workdir().toString();
        RealVarnish.Result got = both("-n", workdir, "ping");
        assertLikeGolden("-n /tmp/vprobe ping", got);
        both("-n", workdir, "-t", "abc", "ping");
        both("-n", workdir, "-t", "off", "ping");
        both("-n", workdir, "-t", "0", "status");

        VsmReader vsm = VsmReader.attach(varnishd.workdir(), 0, null);
        assertEquals(Optional.of(varnishd.address().replace(':', ' ') + "\n"),
                vsm.dup("Arg", "-T"));
        assertEquals(Optional.of(secret.toString()), vsm.dup("Arg", "-S"));
    }

    @Test
    void timeoutQuirksMatch() throws Exception {
        both(withAuth("-t", "abc", "ping"));
        both(withAuth("-t", "-1", "ping"));
        both(withAuth("-t", "0x10", "ping"));
        both(withAuth("-t", "", "ping"));
        both(withAuth("-t", "1e", "ping"));
    }

    @Test
    void passModeWithOneCommandMatches() throws Exception {
        both(withAuth(), "ping\n");
        both(withAuth("-p"), "ping\n");
        both(withAuth(), "vcl.list\n");
    }

    /** 7.1 waits for ever for a reply to input that has no command; vclab exits at once. */
    @Test
    void passModeWithBlankInputEndsAtOnce() throws Exception {
        byte[] input = "\n\n".getBytes(StandardCharsets.ISO_8859_1);
        RealVarnish.Result vclab = GoldenAdmTest.runVclabAdm(withAuth(), input);
        assertEquals(new RealVarnish.Result(0, "", ""), vclab);
    }

    @Test
    void passModePrintsEveryReplyWhere71PrintsOne() throws Exception {
        String stdin = "ping\nvcl.list\nnosuch\nbanner\n";
        byte[] input = stdin.getBytes(StandardCharsets.ISO_8859_1);
        RealVarnish.Result real = RealVarnish.varnishadm(withAuth(), input).masked();
        RealVarnish.Result vclab = GoldenAdmTest.runVclabAdm(withAuth(), input).masked();
        assertLikeGolden("commands on stdin (not a tty)", real);
        assertEquals(0, vclab.exit());
        assertTrue(vclab.out().startsWith(real.out()), vclab.out());
        assertTrue(vclab.out().contains("Varnish Cache CLI 1.0"), vclab.out());
        assertTrue(vclab.out().contains("Unknown request."), vclab.out());
    }

    @Test
    void quitMatches() throws Exception {
        both(withAuth("quit"));
        both(withAuth(), "quit\n");
    }

    @Test
    void hereDocumentThroughPassMode() throws Exception {
        String stdin = "vcl.inline h1 << EOF\nvcl 4.1;\nbackend default none;\nEOF\n"
                + "vcl.discard h1\n";
        byte[] input = stdin.getBytes(StandardCharsets.ISO_8859_1);
        RealVarnish.Result real = RealVarnish.varnishadm(withAuth("-p"), input);
        RealVarnish.Result vclab = GoldenAdmTest.runVclabAdm(withAuth("-p"), input);
        assertEquals("200 0       \n", real.out());
        assertEquals("200 0       \n200 0       \n", vclab.out());
    }
}
