package vclab.cli.adm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds out whether stdin is a terminal, as isatty(0) would. */
public final class Terminals {
    private Terminals() {
    }

    /**
     * Returns whether stdin is a terminal. On Linux this reads where {@code /proc/self/fd/0}
     * points; elsewhere it falls back to {@code System.console()}, which on Java 22 and later
     * may exist for redirected streams too.
     */
    public static boolean isStdinTerminal() {
        Path stdin = Path.of("/proc/self/fd/0");
        if (Files.exists(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(stdin).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
                        || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
