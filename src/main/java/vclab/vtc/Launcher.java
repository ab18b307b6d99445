package vclab.vtc;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code bin/vclab}, relative to the jar or class directory vclab runs from. */
final class Launcher {

    private Launcher() {
    }

    /** Returns the launcher script, or null if it is not beside the jar's directory. */
    static Path find() {
        try {
            Path code = Path.of(Launcher.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            // target/vclab.jar and target/classes both sit one level below the project.
            Path candidate = code.toAbsolutePath().getParent().getParent().resolve("bin/vclab");
            return Files.isExecutable(candidate) ? candidate : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
