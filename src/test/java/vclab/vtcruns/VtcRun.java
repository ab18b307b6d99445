package vclab.vtcruns;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vclab.testing.SharedFolder;
import vclab.vtc.VtcMain;
import vclab.vtc.varnish.SimulatedVarnish;

/** Runs vclab test in-process, the way bin/vclab test does, and keeps its output. */
final class VtcRun {
    final int exit;
    final String out;
    final String err;

    private VtcRun(int exit, String out, String err) {
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /** Wraps the exit status and output of another program, such as varnishtest. */
    static VtcRun of(int exit, String out) {
        return new VtcRun(exit, out, "");
    }

    static VtcRun run(List<String> args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
                PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = new VtcMain(po, pe, env, projectRoot(), new SimulatedVarnish.Factory())
                    .run("vclab test", args);
        }
        return new VtcRun(code, o.toString(StandardCharsets.UTF_8),
                e.toString(StandardCharsets.UTF_8));
    }

    /** The project's top directory (where pom.xml is). */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }

    /** Returns the shared reference folder; the test is skipped when there is none. */
    static Path shared() {
        return SharedFolder.path();
    }

    /** Every .vtc file directly in {@code dir}, sorted. */
    static List<Path> scripts(Path dir) throws java.io.IOException {
        List<Path> list = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".vtc")).sorted().forEach(list::add);
        }
        return list;
    }

    /** The result line of one script: "passed", "skipped" or "FAILED". */
    String verdict(Path script) {
        for (String line : out.split("\n")) {
            if (line.startsWith("#    top  TEST " + script + " ")) {
                String rest = line.substring(("#    top  TEST " + script + " ").length());
                return rest.startsWith("passed") ? "passed" : rest.startsWith("skipped")
                        ? "skipped" : "FAILED";
            }
        }
        return "missing";
    }
}
