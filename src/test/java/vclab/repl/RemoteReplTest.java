package vclab.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vclab.cli.CliServer;
import vclab.cli.FakeCliService;
import vclab.cli.adm.AdmProgram;
import vclab.testing.OwnThread;

/**
 * The REPL as {@code vclab adm -T ... -S ...} runs it with a terminal on stdin, against a
 * loopback CLI server with a stand-in service: the same connection, authentication and
 * {@code ping} as varnishadm, then replies printed as they arrive.
 */
class RemoteReplTest {
    @TempDir
    Path dir;

    private FakeCliService service;
    private CliServer server;
    private Path secret;
    private VirtualTerminal vt;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        secret = Files.writeString(dir.resolve("secret"), "remote-repl-secret\n");
        service = new FakeCliService(Files.readAllBytes(secret));
        server = CliServer.start(service, CliServer.Options.defaults()
                .withAddress("127.0.0.1:0").withCliTimeout(() -> Duration.ofSeconds(30)));
        vt = VirtualTerminal.xterm();
    }

    @AfterEach
    void stop() throws Exception {
        service.release();
        server.close();
        vt.close();
    }

    private CompletableFuture<Integer> runAdm(Duration grace) {
        AdmProgram.Streams streams = new AdmProgram.Streams(InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);
        VclabAdm adm = new VclabAdm(streams, vt::terminal, options -> new ReplSettings(null,
                grace, Duration.ofSeconds(5), dir));
        String address = "127.0.0.1:" + server.addresses().get(0).getPort();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return adm.run(List.of("-T", address, "-S", secret.toString()));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, OwnThread.EXECUTOR);
    }

    private int exitCode(CompletableFuture<Integer> exit) throws Exception {
        return exit.get(VirtualTerminal.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void bannerPingAndQuit() throws Exception {
        CompletableFuture<Integer> exit = runAdm(Duration.ofSeconds(30));
        assertEquals(0, vt.await("200\n" + FakeCliService.BANNER + "\n" + Repl.PROMPT));
        vt.type("debug.argv a \"b c\"\r");
        vt.await("200\n" + FakeCliService.echoBody(List.of("a", "b c")) + "\n");
        vt.type("quit\r");
        assertEquals(0, exitCode(exit));
        assertTrue(vt.screen().endsWith("500\nClosing CLI connection\n"), vt.screen());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void slowReplyPrintedWhenItComes() throws Exception {
        CompletableFuture<Integer> exit = runAdm(Duration.ofMillis(100));
        vt.await(Repl.PROMPT);
        vt.type("debug.block\r");
        service.awaitBlocked();
        int prompt = vt.await(Repl.PROMPT, vt.await("debug.block\n"));
        vt.type("debug.argv after\r");
        vt.await("debug.argv after\n", prompt);
        assertFalse(vt.screen().contains("1:after"), vt.screen());
        service.release();
        int blockReply = vt.await("200\n", prompt);
        int afterReply = vt.await("200\n1:after\n", prompt);
        assertTrue(blockReply < afterReply, vt.screen());
        vt.type("\004");
        assertEquals(0, exitCode(exit));
    }

    @Test
    void lostConnectionExitsTwo() throws Exception {
        CompletableFuture<Integer> exit = runAdm(Duration.ofSeconds(30));
        vt.await(Repl.PROMPT);
        server.close();
        assertEquals(2, exitCode(exit));
        assertEquals("CLI communication error (hdr)\n", err.toString(StandardCharsets.UTF_8));
    }
}
