package vclab.vtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parses every .vtc file of Varnish's own suite at tag varnish-7.1.1 and at trunk commit
 * 27d2ce15b, read from the local mirror. The test is skipped when the mirror is absent.
 */
class CorpusParseTest {
    private static final Path MIRROR =
            Path.of("/work/.mirror/varnishcache+varnish-cache/repo");

    @ParameterizedTest
    @ValueSource(strings = {"varnish-7.1.1", "27d2ce15b"})
    void everyCorpusFileParses(String rev) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(MIRROR), "no mirror of varnish-cache");
        List<String> paths = listVtcFiles(rev);
        Assumptions.assumeTrue(!paths.isEmpty(), "no vtc files at " + rev);
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            String text = show(rev, path);
            ParsedScript s = VtcScriptParser.parse(text, path);
            if (s.error() != null) {
                failures.add(s.error().pos() + ": " + s.error().message());
            }
        }
        System.out.println(rev + ": parsed " + paths.size() + " files, "
                + failures.size() + " with errors");
        assertTrue(paths.size() > 700, "only " + paths.size() + " files at " + rev);
        assertEquals(List.of(), failures);
    }

    private static List<String> listVtcFiles(String rev) throws Exception {
        Process p = new ProcessBuilder("git", "-C", MIRROR.toString(), "ls-tree",
                "--name-only", rev, "bin/varnishtest/tests/").start();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.endsWith(".vtc")) {
                    out.add(line);
                }
            }
        }
        p.waitFor();
        return out;
    }

    private static String show(String rev, String path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "-C", MIRROR.toString(), "show", rev + ":" + path)
                .start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream(); OutputStream o = bytes) {
            in.transferTo(o);
        }
        p.waitFor();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
