package vclab.vcc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A small glob(3): '*', '?' and '[...]' in any path component, results sorted. */
final class Glob {
    private Glob() {
    }

    static List<String> expand(String pattern) {
        List<String> out = new ArrayList<>();
        boolean absolute = pattern.startsWith("/");
        String[] parts = (absolute ? pattern.substring(1) : pattern).split("/");
        expand(absolute ? "/" : "", parts, 0, out);
        Collections.sort(out);
        return out;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static void expand(String prefix, String[] parts, int i, List<String> out) {
        if (i == parts.length) {
            if (Files.exists(Path.of(prefix.isEmpty() ? "." : prefix))) {
                out.add(prefix);
            }
            return;
        }
        String sep = prefix.isEmpty() || prefix.endsWith("/") ? "" : "/";
        if (!hasWildcard(parts[i])) {
            expand(prefix + sep + parts[i], parts, i + 1, out);
            return;
        }
        Path dir = Path.of(prefix.isEmpty() ? "." : prefix);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + parts[i]);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && !parts[i].startsWith(".")) {
                    continue;
                }
                if (m.matches(Path.of(name))) {
                    expand(prefix + sep + name, parts, i + 1, out);
                }
            }
        } catch (IOException e) {
            // glob(3) skips unreadable directories unless GLOB_ERR is given.
        }
    }
}
