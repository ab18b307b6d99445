package vclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vclab.cli.CliClient;
import vclab.cli.CliServer;
import vclab.cli.CliStatus;
import vclab.cli.FakeCliService;
import vclab.cli.RealVarnish;
import vclab.cli.vsm.VsmReader;

class ServeCommandTest {
    @TempDir
    Path dir;

    /** A serve command running on a thread of its own. */
    private static final class Running implements AutoCloseable {
        final ServeCommand command;
        final Thread thread;
        final AtomicInteger exit = new AtomicInteger(-1);
        final StringWriter err = new StringWriter();
        final AtomicReference<ServeCommand.Settings> settings = new AtomicReference<>();

        Running(byte[] secretForService, String... args) {
            command = new ServeCommand(s -> {
                settings.set(s);
                return Optional.of(new ServeCommand.Backend(new FakeCliService(
                        secretForService), () -> Duration.ofSeconds(30)));
            });
            CommandLine cl = new CommandLine(command);
            cl.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit.set(cl.execute(args)), "serve-under-test");
            thread.start();
        }

        CliServer server() throws InterruptedException {
            return command.awaitServing().orElseThrow(() -> new AssertionError(
                    "serve did not start: " + err));
        }

        @Override
        public void close() throws InterruptedException {
            command.stop();
            thread.join();
        }
    }

    private static int run(String... args) {
        return new CommandLine(new ServeCommand()).setErr(new PrintWriter(new StringWriter()))
                .execute(args);
    }

    @Test
    void withoutBootVclServeRefusesAsVarnishd() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true))
                .execute("-S", "none", "-T", "127.0.0.1:0");
        assertEquals(2, exit);
        assertTrue(err.toString().endsWith("Error: Neither -b nor -f given. (use -f '' to"
                + " override)\n(-? gives usage)\n"), err.toString());
    }

    @Test
    void unresolvableAddressIsReportedAsVarnishdDoes() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true))
                .execute("-S", "none", "-T", "127.0.0.1:abc", "-b", "none");
        assertEquals(2, exit);
        assertTrue(err.toString().endsWith("Error: Could not resolve -T argument to address\n"
                + "\tServname not supported for ai_socktype\n(-? gives usage)\n"),
                err.toString());
    }

    @Test
    void missingSecretFileIsRejected() {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("nosuch");
        int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true))
                .execute("-S", missing.toString());
        assertEquals(2, exit);
        assertEquals("Cannot open -S file (" + missing + "): No such file or directory\n",
                err.toString());
    }

    @Test
    void emptySecretFileIsRejected() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty"));
        assertEquals(2, run("-S", empty.toString()));
    }

    @Test
    void secretOrWorkdirIsRequired() {
        assertEquals(2, run());
    }

    @Test
    void unknownDialectIsRejected() {
        assertEquals(2, run("-S", "none", "--dialect", "6.0"));
    }

    @Test
    void servesAndPublishesVsm() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "serve-secret\n");
        Path workdir = dir.resolve("wd");
        byte[] secretBytes = Files.readAllBytes(secret);
        try (Running serve = new Running(secretBytes, "-T", "127.0.0.1:0", "-S",
                secret.toString(), "-n", workdir.toString())) {
            CliServer server = serve.server();
            VsmReader vsm = VsmReader.attach(workdir, 0, null);
            assertEquals(Optional.of(server.vsmAddressLines()), vsm.dup("Arg", "-T"));
            assertEquals(Optional.of(secret.toAbsolutePath().toString()), vsm.dup("Arg", "-S"));
            assertTrue(vsm.dup("Arg", "-i").isPresent());

            try (CliClient client = CliClient.connect(server.addresses().get(0),
                    Duration.ofSeconds(10))) {
                assertEquals(CliStatus.OK, client.authenticate(secretBytes).status());
            }
            assertEquals(secret.toAbsolutePath(), serve.settings.get().secretFile());
        }
        assertFalse(Files.exists(workdir.resolve("_.vsm_mgt")));
    }

    @Test
    void modelAuthenticatesWithTheSecretFile() throws Exception {
        byte[] secret = Files.readAllBytes(Files.writeString(dir.resolve("secret"),
                "model-secret\n"));
        ServeCommand command = new ServeCommand();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command).setErr(new PrintWriter(err, true));
        Thread thread = new Thread(() -> cl.execute("-T", "127.0.0.1:0", "-S",
                dir.resolve("secret").toString(), "-b", "none"), "serve-model-under-test");
        thread.start();
        try {
            CliServer server = command.awaitServing().orElseThrow(() -> new AssertionError(
                    "serve did not start: " + err));
            try (CliClient client = CliClient.connect(server.addresses().get(0),
                    Duration.ofSeconds(10))) {
                assertEquals(CliStatus.OK, client.authenticate(secret).status());
                assertTrue(client.call("ping").body().startsWith("PONG "));
            }
        } finally {
            command.stop();
            thread.join();
        }
    }

    @Test
    void workdirWithoutSecretGetsANewSecretFile() throws Exception {
        Path workdir = dir.resolve("wd");
        try (Running serve = new Running(null, "-T", "127.0.0.1:0", "-n", workdir.toString())) {
            serve.server();
            Path secret = workdir.resolve("_.secret");
            assertEquals(256, Files.size(secret));
            VsmReader vsm = VsmReader.attach(workdir, 0, null);
            assertEquals(Optional.of(secret.toString()), vsm.dup("Arg", "-S"));
        }
        assertFalse(Files.exists(workdir.resolve("_.secret")));
    }

    @Test
    void nonLoopbackAddressIsRejected() throws Exception {
        try (Running serve = new Running(null, "-T", "0.0.0.0:0", "-S", "none")) {
            serve.thread.join();
            assertEquals(2, serve.exit.get());
            assertTrue(serve.err.toString().contains("not a loopback address"),
                    serve.err.toString());
        }
    }

    @Test
    @Tag("real-varnish")
    void realVarnishadmFindsServeThroughItsWorkdir() throws Exception {
        RealVarnish.assumeInstalled("varnishadm");
        Path secret = Files.writeString(dir.resolve("secret"), "serve-secret\n");
        Path workdir = dir.resolve("wd");
        try (Running serve = new Running(Files.readAllBytes(secret), "-T", "127.0.0.1:0",
                "-S", secret.toString(), "-n", workdir.toString())) {
            serve.server();
            RealVarnish.Result result = RealVarnish.varnishadm(List.of("-n",
                    workdir.toString(), "ping"), new byte[0]).masked();
            assertEquals(new RealVarnish.Result(0, "PONG <t> 1.0\n", ""), result);
        }
    }

    @Test
    void admPassesEveryArgumentThroughPicocli() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "adm-secret\n");
        FakeCliService service = new FakeCliService(Files.readAllBytes(secret));
        try (CliServer server = CliServer.start(service, CliServer.Options.defaults()
                .withAddress("127.0.0.1:0"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream saved = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.ISO_8859_1));
            int exit;
            try {
                exit = Main.execute("adm", "-T", "127.0.0.1:" + server.addresses().get(0)
                        .getPort(), "-S", secret.toString(), "--", "debug.argv", "--", "-x");
            } finally {
                System.setOut(saved);
            }
            assertEquals(0, exit);
            assertEquals(FakeCliService.echoBody(List.of("--", "-x")) + "\n",
                    out.toString(StandardCharsets.ISO_8859_1));
        }
    }
}
