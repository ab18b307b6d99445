package vclab.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import vclab.testing.OwnThread;

/**
 * Debian's varnish 7.1.1 programs as test peers: running varnishadm, starting a varnishd on
 * loopback. Tests that use them are tagged "real-varnish" and skip when the programs are
 * missing.
 */
public final class RealVarnish {
    private static final List<String> SEARCH_PATH = List.of("/usr/bin", "/usr/sbin",
            "/usr/local/bin", "/usr/local/sbin");

    private RealVarnish() {
    }

    /** What a program printed and returned. */
    public record Result(int exit, String out, String err) {
        /** Replaces PONG and JSON timestamps, which differ between runs, with {@code <t>}. */
        public Result masked() {
            return new Result(exit, mask(out), mask(err));
        }
    }

    /** Masks {@code PONG <seconds>} and the {@code %.3f} epoch of JSON replies. */
    public static String mask(String text) {
        return text.replaceAll("PONG \\d+ 1\\.0", "PONG <t> 1.0")
                .replaceAll("(\\[ \\d, \\[[^\\]]*\\], )\\d+\\.\\d{3}", "$1<t>");
    }

    /** Finds a program on PATH or in the usual directories. */
    public static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>(SEARCH_PATH);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(0, List.of(path.split(":")));
        }
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test unless every program is installed. */
    public static void assumeInstalled(String... names) {
        for (String name : names) {
            assumeTrue(find(name).isPresent(), name + " is not installed");
        }
    }

    /** Runs the real varnishadm in the C locale, feeding stdin and closing it. */
    public static Result varnishadm(List<String> args, byte[] stdin)
            throws IOException, InterruptedException {
        // Run it by name, as the transcripts did: getopt's messages start with argv[0].
        Path program = find("varnishadm").orElseThrow();
        List<String> command = new ArrayList<>();
        command.add("varnishadm");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("PATH", program.getParent() + ":"
                + builder.environment().getOrDefault("PATH", ""));
        Process process = builder.start();
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // varnishadm exited before reading stdin
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("varnishadm " + args + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), latin1(out.join()), latin1(err.join()));
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, OwnThread.EXECUTOR);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Returns a loopback port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Creates a directory under the system temp directory that varnishd's unprivileged users
     * can enter (JUnit's temp directories are private to the test's user).
     */
    public static Path sharedTempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** A varnishd started in the foreground on loopback, stopped by close(). */
    public static final class Varnishd implements AutoCloseable {
        private final Process process;
        private final Path workdir;
        private final String address;
        private final CompletableFuture<byte[]> output;

        private Varnishd(Process process, Path workdir, String address) {
            this.process = process;
            this.workdir = workdir;
            this.address = address;
            this.output = drain(process.getInputStream());
        }

        /**
         * Starts {@code varnishd -F -n workdir -a 127.0.0.1:0 -T 127.0.0.1:<port> -S secret
         * -b none} and waits until its CLI replies.
         */
        public static Varnishd start(Path workdir, Path secret)
                throws IOException, InterruptedException {
            int port = freePort();
            String address = "127.0.0.1:" + port;
            ProcessBuilder builder = new ProcessBuilder(find("varnishd").orElseThrow()
                    .toString(), "-F", "-n", workdir.toString(), "-a", "127.0.0.1:0",
                    "-T", address, "-S", secret.toString(), "-b", "none");
            builder.redirectErrorStream(true);
            builder.environment().putAll(Map.of("LC_ALL", "C"));
            Varnishd varnishd = new Varnishd(builder.start(), workdir, address);
            varnishd.awaitCli(secret);
            return varnishd;
        }

        private void awaitCli(Path secret) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            byte[] secretBytes = Files.readAllBytes(secret);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("varnishd exited with " + process.exitValue() + ": "
                            + latin1(output.join()));
                }
                try (CliClient client = CliClient.connect(address, Duration.ofSeconds(5))) {
                    if (client.authenticate(secretBytes).status() == CliStatus.OK
                            && client.call("status").body().contains("running")) {
                        return;
                    }
                } catch (CliClient.ConnectFailedException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            close();
            throw new IOException("varnishd's CLI did not answer within 60 s");
        }

        public String address() {
            return address;
        }

        public Path workdir() {
            return workdir;
        }

        /** Stops varnishd (SIGTERM, then SIGKILL after 20 s) and its child process. */
        @Override
        public void close() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
        }
    }
}
