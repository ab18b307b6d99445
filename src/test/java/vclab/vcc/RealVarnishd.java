package vclab.vcc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed varnishd as a VCL compiler ({@code varnishd -C -f FILE}) and turns
 * what it prints into the text vclab's {@link VccResult#output()} stands for: varnishd
 * writes everything to stderr, a line about a symbol file it could not delete first, the
 * generated C source after a success and "VCL compilation failed" after a failure.
 */
final class RealVarnishd {
    /** What one compilation gave: success, and the compiler's output. */
    record Outcome(boolean ok, String output) {
    }

    private RealVarnishd() {
    }

    /** Whether a varnishd 7.1 is on PATH. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("varnishd", "-V").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                    && v.contains("varnish-7.1.");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Compiles a file with {@code -n workdir} and the given vcc parameters
     * ("vcc_err_unref=off").
     */
    static Outcome compile(Path file, Path workdir, List<String> params)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("varnishd", "-C", "-f", file.toString(),
                "-n", workdir.toString()));
        for (String p : params) {
            cmd.add("-p");
            cmd.add(p);
        }
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        p.getErrorStream().transferTo(err);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("varnishd -C timed out on " + file);
        }
        StringBuilder sb = new StringBuilder();
        for (String line : err.toString(StandardCharsets.ISO_8859_1).split("(?<=\n)")) {
            if (!line.startsWith("Could not delete")) {
                sb.append(line);
            }
        }
        String text = sb.toString();
        if (p.exitValue() == 0) {
            int c = text.indexOf("/* ---===### include/vdef.h");
            return new Outcome(true, c < 0 ? text : text.substring(0, c));
        }
        String tail = "VCL compilation failed\n";
        if (text.endsWith(tail)) {
            text = text.substring(0, text.length() - tail.length());
        }
        return new Outcome(false, text);
    }
}
