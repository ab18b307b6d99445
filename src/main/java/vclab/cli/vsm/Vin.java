package vclab.cli.vsm;

import java.nio.file.Path;

/**
 * The {@code -n} rules of varnishd and its tools (VIN_n_Arg): where an instance name puts the
 * work directory.
 */
public final class Vin {
    /**
     * The state directory of Debian's varnish 7.1.1 package, which the tools compile in
     * (upstream builds use {@code /var/run} or {@code <localstatedir>/varnish}).
     */
    public static final String STATE_DIRECTORY = "/var/lib/varnish";

    private Vin() {
    }

    /**
     * Returns the work directory for a {@code -n} argument: the default instance
     * ({@code <state>/varnishd}) for null or empty, an absolute path as given, and any other
     * name under the state directory.
     */
    public static Path workdir(String name) {
        if (name == null || name.isEmpty()) {
            return Path.of(STATE_DIRECTORY, "varnishd");
        }
        if (name.startsWith("/")) {
            return Path.of(name);
        }
        return Path.of(STATE_DIRECTORY + "/" + name);
    }
}
