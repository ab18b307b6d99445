package vclab.cli;

import java.util.Locale;

/**
 * The welcome banner: the greeting of a session that needs no authentication, the reply to a
 * successful {@code auth}, and the output of {@code banner}.
 *
 * @param dialect the release whose output rules apply
 * @param platform the line varnishd builds from uname and its start-up choices, for example
 *     {@code Linux,6.1.0-18-amd64,x86_64,-junix,-sdefault,-sdefault,-hcritbit}
 * @param release the version line, for example
 *     {@code varnish-7.6.0 revision ed1243ca162a7b1d975bc0332f0d66d33f0bc78e}
 */
public record CliBanner(Dialect dialect, String platform, String release) {
    /** A banner with the version line of the dialect's own release. */
    public CliBanner(Dialect dialect, String platform) {
        this(dialect, platform, dialect.release());
    }

    /** The same banner with another release's version line. */
    public CliBanner withRelease(String versionLine) {
        return new CliBanner(dialect, platform, versionLine);
    }

    /** The start-up choices of a varnishd started without -j, -s or -h. */
    public static final String DEFAULT_STARTUP_CHOICES = "-junix,-sdefault,-sdefault,-hcritbit";

    /** The uname part of the platform line: it depends on the JVM alone, so it is made once. */
    private static final String UNAME = jvmUname();

    /** A banner whose platform line describes the machine the JVM runs on. */
    public static CliBanner forThisMachine(Dialect dialect, String startupChoices) {
        return new CliBanner(dialect, jvmPlatform(startupChoices));
    }

    /**
     * The platform line from the JVM's view of uname: OS name, release, machine (with Java's
     * architecture names mapped back to uname's, such as amd64 to x86_64), then the start-up
     * choices, comma-separated.
     */
    public static String jvmPlatform(String startupChoices) {
        return UNAME + "," + startupChoices;
    }

    private static String jvmUname() {
        // NOTE: on macOS os.version is the product version (14.1), not uname's kernel
        // release (23.1.0), so the line differs from varnishd's there.
        String osName = System.getProperty("os.name", "unknown");
        String sysname = osName.startsWith("Mac") ? "Darwin" : osName;
        String release = System.getProperty("os.version", "unknown");
        String machine = unameMachine(sysname, System.getProperty("os.arch", "unknown"));
        return sysname + "," + release + "," + machine;
    }

    static String unameMachine(String sysname, String javaArch) {
        String arch = javaArch.toLowerCase(Locale.ROOT);
        boolean darwin = sysname.equals("Darwin");
        return switch (arch) {
            case "amd64", "x86_64" -> sysname.equals("FreeBSD") ? "amd64" : "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "aarch64", "arm64" -> darwin ? "arm64" : "aarch64";
            case "arm" -> "armv7l";
            default -> arch;
        };
    }

    /** Writes the banner as varnishd does, one line per write. */
    public void print(CliOutput out, boolean childRunning) {
        out.print("-----------------------------\n");
        out.print("Varnish Cache CLI 1.0\n");
        out.print("-----------------------------\n");
        out.print(platform + "\n");
        out.print(release + "\n");
        out.print("\n");
        out.print("Type 'help' for command list.\n");
        out.print("Type 'quit' to close CLI session.\n");
        if (!childRunning) {
            out.print("Type 'start' to launch worker process.\n");
        }
        out.setStatus(CliStatus.OK);
    }
}
