package vclab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vclab.cli.CliClient;
import vclab.cli.CliServer;
import vclab.cli.CliStatus;

/** What {@code vclab serve} logs: its start, its stop, and each failed authentication. */
class ServeLoggingTest {
    @TempDir
    Path dir;

    /** Collects the formatted messages of every logger under "vclab". */
    private static final class Capture extends Handler implements AutoCloseable {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger("vclab");

        Capture() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            messages.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }

        long count(String part) {
            return messages.stream().filter(m -> m.contains(part)).count();
        }
    }

    @Test
    void failedAuthIsLoggedOnce() throws Exception {
        Files.writeString(dir.resolve("secret"), "the-secret\n");
        ServeCommand command = new ServeCommand();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command).setErr(new PrintWriter(err, true));
        Thread thread = new Thread(() -> cl.execute("-T", "127.0.0.1:0", "-S",
                dir.resolve("secret").toString(), "-b", "none"), "serve-auth-log-test");
        try (Capture capture = new Capture()) {
            thread.start();
            try {
                CliServer server = command.awaitServing().orElseThrow(() ->
                        new AssertionError("serve did not start: " + err));
                try (CliClient client = CliClient.connect(server.addresses().get(0),
                        Duration.ofSeconds(10))) {
                    client.greeting();
                    assertEquals(CliStatus.CLOSE, client.call("auth " + "0".repeat(64))
                            .status());
                }
                byte[] wrong = "not-the-secret\n".getBytes(StandardCharsets.US_ASCII);
                try (CliClient client = CliClient.connect(server.addresses().get(0),
                        Duration.ofSeconds(10))) {
                    assertEquals(CliStatus.CLOSE, client.authenticate(wrong).status());
                }
            } finally {
                command.stop();
                thread.join();
            }
            assertEquals(2, capture.count("Authentication failure"),
                    capture.messages.toString());
        }
    }

    @Test
    void busyPortLogsNoStop() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Capture capture = new Capture()) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true))
                    .execute("-T", "127.0.0.1:" + busy.getLocalPort(), "-S", "none", "-b",
                            "none");
            assertEquals(2, exit, err.toString());
            assertEquals(0, capture.count(" stopped"), capture.messages.toString());
        }
    }

    @Test
    void sigtermLogsStop() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "-T",
                "127.0.0.1:0", "-S", "none", "-b", "none");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (line.contains(" listening on ")) {
                    // SIGTERM, without closing the streams as Process.destroy() does
                    process.toHandle().destroy();
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains(" listening on ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(" stopped")), lines.toString());
    }
}
