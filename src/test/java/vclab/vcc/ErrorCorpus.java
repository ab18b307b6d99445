package vclab.vcc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The VCL cases under src/test/resources/vclab/vcc/errors. A case is NAME.vcl, with the
 * expected compiler output in NAME.v71.out (recorded from varnishd 7.1.1 -C by
 * {@link V71Expectations}) and NAME.v80.out (vclab's expectation for Varnish 8.0, written
 * by {@link TrunkExpectations} and reviewed against the 8.0.0 sources).
 * "@DIR@" in an expectation stands for the directory the case is compiled in. A first
 * line "# vclab-settings: ..." lists vcc parameters (vcc_err_unref=off) and the flag
 * vclab-only for cases real varnishd cannot compile (VMODs it lacks).
 */
final class ErrorCorpus {
    /** One case, copied into a directory of its own test run. */
    record Case(String name, Path file, List<String> settings) {
        boolean vclabOnly() {
            return settings.contains("vclab-only");
        }

        /** Returns the vcc_* parameters of the case. */
        List<String> params() {
            return settings.stream().filter(s -> s.contains("=")).toList();
        }

        VccSettings vccSettings() {
            boolean errUnref = true;
            boolean inlineC = false;
            boolean unsafePath = true;
            for (String p : params()) {
                String[] kv = p.split("=", 2);
                boolean on = kv[1].equals("on") || kv[1].equals("true");
                switch (kv[0]) {
                    case "vcc_err_unref":
                        errUnref = on;
                        break;
                    case "vcc_allow_inline_c":
                        inlineC = on;
                        break;
                    case "vcc_unsafe_path":
                        unsafePath = on;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown parameter " + p);
                }
            }
            return new VccSettings(errUnref, inlineC, unsafePath,
                    VccSettings.DEFAULT.stevedores(), List.of());
        }

        /** Returns the expected output for a dialect ("v71" or "v80"), or null if none. */
        String expected(Path source, String dialect) throws IOException {
            Path p = source.resolve(name + "." + dialect + ".out");
            if (!Files.exists(p)) {
                return null;
            }
            return Files.readString(p, StandardCharsets.ISO_8859_1)
                    .replace("@DIR@", file.getParent().toString());
        }
    }

    private ErrorCorpus() {
    }

    /** Returns the directory of the cases on the test class path. */
    static Path source() {
        try {
            return Path.of(ErrorCorpus.class.getResource("errors").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the corpus into {@code dir} and lists its cases by name. The copies are world
     * readable because varnishd reads them as its unprivileged user.
     */
    static List<Case> copyTo(Path dir) throws IOException {
        Path src = source();
        readable(dir);
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    readable(target);
                } else if (p.toString().endsWith(".vcl")) {
                    Files.copy(p, target);
                    Files.setPosixFilePermissions(target,
                            PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".vcl")).sorted().forEach(p -> {
                String n = p.getFileName().toString();
                cases.add(new Case(n.substring(0, n.length() - 4), p, settings(p)));
            });
        }
        return cases;
    }

    /** Makes a directory readable and searchable by everyone. */
    static void readable(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> settings(Path p) {
        try {
            String first = Files.readAllLines(p, StandardCharsets.ISO_8859_1).stream()
                    .findFirst().orElse("");
            if (!first.startsWith("# vclab-settings:")) {
                return List.of();
            }
            return Arrays.asList(first.substring(first.indexOf(':') + 1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
