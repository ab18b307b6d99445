package vclab.vtc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes scripts into a directory and runs {@code vclab test} on them in-process. */
final class VtcHarness {
    /** What a run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    private final Path dir;
    private final VarnishExecutor.Factory factory;

    VtcHarness(Path dir) {
        this(dir, ctx -> new FakeVarnishExecutor());
    }

    VtcHarness(Path dir, VarnishExecutor.Factory factory) {
        this.dir = dir;
        this.factory = factory;
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    Run run(String... args) throws IOException {
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TMPDIR", tmp.toString());
        env.remove("VTEST_DURATION");
        env.remove("VARNISHTEST_DURATION");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new VtcMain(o, e, env, dir, factory).run("varnishtest", List.of(args));
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Removes what differs between runs: times, dT lines, temporary names and ports. */
    static String normalize(String log) {
        return log.replaceAll("(?m)^\\*\\*\\*\\* dT .*\\n", "")
                .replaceAll("vtc\\.\\d+\\.[0-9a-f]{8}", "vtc.PID.RAND")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT")
                .replaceAll("_port=\\d+", "_port=PORT")
                .replaceAll("\\((\\d+)\\.\\d{3}\\)", "(TIME)")
                .replaceAll("extmacro def pwd=.*", "extmacro def pwd=PWD")
                .replaceAll("macro def testdir=.*", "macro def testdir=PWD");
    }
}
