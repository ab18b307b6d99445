package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vclab.cli.CliClient;
import vclab.cli.CliStatus;
import vclab.cli.Dialect;
import vclab.cli.RealVarnish;
import vclab.cli.adm.AdmProgram;
import vclab.testing.OwnThread;

/**
 * {@code vclab adm -T ... -S ...} against a real varnishd 7.1 that the test starts on
 * loopback ({@code varnishd -F -n <tmp> -a 127.0.0.1:0 -T 127.0.0.1:<port> -S <secret>
 * -b none}): one-shot output equal to the real varnishadm's, the REPL printing each reply as
 * status and varnishadm's body, here-documents, and completion from the real server's lists.
 */
@Tag("real-varnish")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealVarnishReplTest {
    private Path base;
    private Path secret;
    private RealVarnish.Varnishd varnishd;

    @BeforeAll
    void startVarnishd() throws Exception {
        RealVarnish.assumeInstalled("varnishd", "varnishadm");
        base = RealVarnish.sharedTempDirectory("vclab-repl-varnishd");
        secret = Files.writeString(base.resolve("secret"), "repl-varnishd-secret\n");
        varnishd = RealVarnish.Varnishd.start(base.resolve("wd"), secret);
    }

    @AfterAll
    void stopVarnishd() throws Exception {
        if (varnishd != null) {
            varnishd.close();
        }
        if (base != null) {
            try (var files = Files.walk(base)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private List<String> withAuth(String... command) {
        List<String> args = new ArrayList<>(List.of("-T", varnishd.address(), "-S",
                secret.toString()));
        args.addAll(List.of(command));
        return args;
    }

    /** Runs vclab adm through {@link VclabAdm}, as {@code bin/vclab adm} does. */
    private RealVarnish.Result vclabAdm(List<String> args, boolean terminal, InputStream stdin,
            VirtualTerminal vt) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AdmProgram.Streams streams = new AdmProgram.Streams(stdin,
                new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1), terminal);
        VclabAdm adm = new VclabAdm(streams, () -> vt.terminal(), options -> new ReplSettings(
                null, Duration.ofSeconds(30), Duration.ofSeconds(10), base));
        int exit = adm.run(args);
        return new RealVarnish.Result(exit, out.toString(StandardCharsets.ISO_8859_1),
                err.toString(StandardCharsets.ISO_8859_1));
    }

    private RealVarnish.Result oneShot(List<String> args) throws InterruptedException {
        return vclabAdm(args, false, new ByteArrayInputStream(new byte[0]), null);
    }

    @Test
    void oneShotMatchesVarnishadm() throws Exception {
        for (String command : List.of("ping", "status", "vcl.list", "help", "help -j",
                "param.show vcl_cooldown", "nosuch", "backend.list", "vcl.use nosuch",
                "-p ping", "-p nosuch")) {
            List<String> args = withAuth(command.split(" "));
            RealVarnish.Result real = RealVarnish.varnishadm(args, new byte[0]).masked();
            assertEquals(real, oneShot(args).masked(), command);
        }
    }

    @Test
    void replPrintsStatusAndVarnishadmBody() throws Exception {
        try (VirtualTerminal vt = VirtualTerminal.xterm()) {
            CompletableFuture<RealVarnish.Result> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return vclabAdm(withAuth(), true, InputStream.nullInputStream(), vt);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, OwnThread.EXECUTOR);
            int at = vt.await("200\n" + varnishadm("banner") + Repl.PROMPT);
            assertEquals(0, at, vt.screen());
            for (String command : List.of("status", "vcl.list", "nosuch", "vcl.use nosuch")) {
                int from = vt.screen().length();
                vt.type(command + "\r");
                vt.await(statusLine(command) + varnishadm(command), from);
            }
            vt.type("\004");
            RealVarnish.Result done = run.get(VirtualTerminal.PATIENCE.toSeconds(),
                    TimeUnit.SECONDS);
            assertEquals(new RealVarnish.Result(0, "", ""), done);
        }
    }

    /** Returns varnishadm's one-shot stdout for a command: the body and a newline. */
    private String varnishadm(String command) throws Exception {
        return RealVarnish.varnishadm(withAuth(command.split(" ")), new byte[0]).out();
    }

    /** Returns the status varnishadm -p prints at the start of its header, and a newline. */
    private String statusLine(String command) throws Exception {
        List<String> args = withAuth("-p");
        args.addAll(List.of(command.split(" ")));
        return RealVarnish.varnishadm(args, new byte[0]).out().substring(0, 3) + "\n";
    }

    @Test
    void hereDocumentLoadsVcl() throws Exception {
        try (VirtualTerminal vt = VirtualTerminal.xterm()) {
            CompletableFuture<RealVarnish.Result> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return vclabAdm(withAuth(), true, InputStream.nullInputStream(), vt);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, OwnThread.EXECUTOR);
            vt.await(Repl.PROMPT);
            vt.type("vcl.inline heredoc1 << EOF\r");
            vt.await("heredoc> ");
            vt.type("vcl 4.1;\rbackend default none;\rEOF\r");
            int loaded = vt.await("200\n\n" + Repl.PROMPT);
            vt.type("vcl.list\r");
            vt.await("heredoc1", loaded);
            vt.type("vcl.discard heredoc1\r");
            vt.type("\004");
            assertEquals(0, run.get(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS)
                    .exit());
        }
        assertFalse(varnishadm("vcl.list").contains("heredoc1"));
    }

    @Test
    void completionFromTheRealServer() throws Exception {
        String vcl = "<< EOF\nvcl 4.1;\n"
                + "backend b1 { .host = \"127.0.0.1\"; .port = \"9\"; }\n"
                + "backend b2 { .host = \"127.0.0.1\"; .port = \"10\"; }\n"
                + "sub vcl_recv { if (req.url == \"/2\") { set req.backend_hint = b2; } }\n"
                + "EOF";
        CliClient client = CliClient.connect(varnishd.address(), Duration.ofSeconds(10));
        assertEquals(CliStatus.OK, client.authenticate(Files.readAllBytes(secret)).status());
        try (RemoteChannel channel = new RemoteChannel(client)) {
            ReplCompleter completer = CompletionTest.completer(channel, Dialect.V7_1, base);
            RequestFraming framing = new RequestFraming(Dialect.V7_1, StandardCharsets.UTF_8);
            for (String line : List.of("vcl.inline cmp1 " + vcl, "vcl.inline cmp2 " + vcl,
                    "vcl.label cmplabel cmp1")) {
                assertEquals(CliStatus.OK, channel.send(framing.frame(line).requests().get(0))
                        .get().status(), line);
            }
            List<String> vcls = CompletionTest.complete(completer, "", "vcl.use");
            assertTrue(vcls.containsAll(List.of("boot", "cmp1", "cmp2", "cmplabel")),
                    vcls.toString());
            assertEquals(List.of("cmplabel"), CompletionTest.complete(completer, "",
                    "vcl.label"));
            List<String> backends = CompletionTest.complete(completer, "",
                    "backend.set_health");
            assertTrue(backends.containsAll(List.of("cmp1.b1", "cmp1.b2", "cmp2.b1")),
                    backends.toString());
            assertEquals(List.of("on", "off"), CompletionTest.complete(completer, "",
                    "param.set", "auto_restart"));
            List<String> commands = CompletionTest.complete(completer, "");
            assertTrue(commands.contains("vcl.list"), commands.toString());
            assertFalse(commands.contains("debug.inject"), commands.toString());
            for (String line : List.of("vcl.label cmplabel cmp2", "vcl.discard cmplabel",
                    "vcl.discard cmp1", "vcl.discard cmp2")) {
                channel.send(framing.frame(line).requests().get(0)).get();
            }
        }
    }
}
