package vclab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared reference folder (the upstream scripts in {@code upstream-vtc} and the
 * golden transcripts in {@code golden}): $VCLAB_SHARED, else the first {@code shared} folder
 * beside the working directory or one of its parents. Tests that need it are skipped when
 * there is none, with the places that were searched.
 */
public final class SharedFolder {
    private SharedFolder() {
    }

    /** Returns the shared folder; skips the calling test when there is none. */
    public static Path path() {
        Path found = find();
        Assumptions.assumeTrue(found != null, "no shared folder with upstream-vtc and golden"
                + " above " + Path.of("").toAbsolutePath() + "; set VCLAB_SHARED");
        return found;
    }

    /** Returns {@code relative} inside the shared folder; skips the test without one. */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }

    /** Returns the shared folder, or null when there is none. */
    public static Path find() {
        String env = System.getenv("VCLAB_SHARED");
        if (env != null && !env.isEmpty() && isShared(Path.of(env))) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isShared(dir.resolve("shared"))) {
                return dir.resolve("shared");
            }
        }
        return null;
    }

    private static boolean isShared(Path dir) {
        return Files.isDirectory(dir.resolve("upstream-vtc"))
                && Files.isDirectory(dir.resolve("golden"));
    }
}
