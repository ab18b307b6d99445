package vclab.vtcruns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The regression scripts in vtc-cases/ and the list of those only vclab can run. */
final class VtcCases {
    /** A list line of REAL-VARNISHTEST.md: "- `path` — reason". */
    private static final Pattern LISTED = Pattern.compile("^- `([^`]+\\.vtc)` — \\S.*$");

    private VtcCases() {
    }

    /** Returns the vtc-cases folder, relative to the project root. */
    static Path root() {
        return Path.of("vtc-cases");
    }

    /** Lists every .vtc file under vtc-cases/, sub-folders included, relative to the root. */
    static List<Path> all() throws IOException {
        Path base = VtcRun.projectRoot();
        List<Path> list = new ArrayList<>();
        try (Stream<Path> s = Files.walk(base.resolve(root()))) {
            s.filter(p -> p.toString().endsWith(".vtc")).sorted()
                    .forEach(p -> list.add(base.relativize(p)));
        }
        return list;
    }

    /** Reads the scripts that REAL-VARNISHTEST.md names as runnable under vclab only. */
    static Set<Path> vclabOnly() throws IOException {
        Path md = VtcRun.projectRoot().resolve(root()).resolve("REAL-VARNISHTEST.md");
        Set<Path> listed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(md)) {
            Matcher m = LISTED.matcher(line);
            if (m.matches()) {
                listed.add(root().resolve(m.group(1)));
            }
        }
        return listed;
    }

    /** Returns the arguments of a run: the options, then the scripts. */
    static List<String> args(List<Path> scripts, String... options) {
        List<String> a = new ArrayList<>(List.of(options));
        for (Path p : scripts) {
            a.add(p.toString());
        }
        return a;
    }
}
