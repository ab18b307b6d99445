package vclab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real varnishd 7.1 started with -d, whose CLI runs on its standard input and output: a
 * pre-authenticated session on a manager without a worker. Everything it opens listens on
 * 127.0.0.1 and lives in a temporary directory.
 */
final class RealVarnishd implements AutoCloseable {
    private static final String VARNISHD = "/usr/sbin/varnishd";

    private final Process process;
    private final InputStream in;
    private final OutputStream out;
    private final CliReply banner;

    private RealVarnishd(Process process) throws IOException {
        this.process = process;
        this.in = process.getInputStream();
        this.out = process.getOutputStream();
        this.banner = readReply();
    }

    /** Starts varnishd, or aborts the test when the program is not installed. */
    static RealVarnishd start(Path workDir, String... extraArgs) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(VARNISHD)), "no " + VARNISHD);
        String[] base = {VARNISHD, "-d", "-n", workDir.toString(), "-a", "127.0.0.1:0",
                "-T", "127.0.0.1:0", "-b", "none"};
        String[] command = new String[base.length + extraArgs.length];
        System.arraycopy(base, 0, command, 0, base.length);
        System.arraycopy(extraArgs, 0, command, base.length, extraArgs.length);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new RealVarnishd(process);
    }

    /** The exit status and standard error of a varnishd that stopped during start-up. */
    record Failure(int exitStatus, String stderr) {
    }

    /**
     * Runs a varnishd that is expected to stop on one of its start-up options and returns
     * what it reported. A varnishd that keeps running is stopped and reported with -1.
     */
    static Failure startupFailure(Path workDir, String... options) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(VARNISHD)), "no " + VARNISHD);
        List<String> command = new ArrayList<>(List.of(VARNISHD, "-d", "-n", workDir.toString(),
                "-a", "127.0.0.1:0", "-T", "127.0.0.1:0", "-b", "none"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        String stderr = new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.ISO_8859_1);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Failure(-1, stderr);
            }
            return new Failure(process.exitValue(), stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(e);
        }
    }

    /** Returns the greeting, which is the banner for a -d session. */
    CliReply banner() {
        return banner;
    }

    /** Sends one line and returns varnishd's reply. */
    CliReply send(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readReply();
    }

    /** Reads up to a 13-byte status line, then the body and its closing newline. */
    private CliReply readReply() throws IOException {
        String header;
        do {
            header = readLine();
        } while (!header.matches("\\d{3} \\d+ *"));
        int status = Integer.parseInt(header.substring(0, 3));
        int length = Integer.parseInt(header.substring(4).trim());
        byte[] body = in.readNBytes(length + 1);
        if (body.length != length + 1) {
            throw new IOException("varnishd closed its output inside a reply");
        }
        return new CliReply(status, new String(body, 0, length, StandardCharsets.ISO_8859_1));
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("varnishd closed its output");
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        out.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
