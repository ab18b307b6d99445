package vclab.cli;

/**
 * Which release's CLI output vclab reproduces where releases print differently: dispatch
 * error texts, the quoting bug, table layout, JSON escapes, {@code cli_limit}'s default and a
 * few syntax strings. Every such difference is decided by this value and nowhere else.
 */
public enum Dialect {
    /** Varnish 7.1 (Debian 12's 7.1.1), which the golden transcripts record. */
    V7_1("7.1"),
    /** Varnish 8.0 and trunk. */
    TRUNK("8.0");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The version line of the banner: varnishd's release and the commit it was built from
     * (7.1.1 as Debian 12 ships it; 8.0.0 at its release tag).
     */
    public String release() {
        return this == V7_1
                ? "varnish-7.1.1 revision 7cee1c581bead20e88d101ab3d72afb29f14d87a"
                : "varnish-8.0.0 revision 71d4d75665f4d1949f7eeca28092a12df7037f3a";
    }

    /**
     * True when dispatch errors (syntax error, empty command, upper-case or unknown command)
     * start with "Unknown request.\nType 'help' for more info.\n", as 7.1 writes them; trunk
     * sends each message alone.
     */
    public boolean prefixesDispatchErrors() {
        return this == V7_1;
    }

    /**
     * True when byte 0x0B is escaped as {@code \v} in JSON strings and in the words the manager
     * passes on to the worker (7.1); trunk writes {@code \u000b} and {@code \013}.
     */
    public boolean writesVerticalTabAsV() {
        return this == V7_1;
    }

    /** Parses "7.1" or "8.0" (also "trunk"). */
    public static Dialect parse(String text) {
        switch (text) {
            case "7.1":
                return V7_1;
            case "8.0":
            case "trunk":
                return TRUNK;
            default:
                throw new IllegalArgumentException("unknown CLI dialect '" + text
                        + "': use 7.1 or 8.0");
        }
    }
}
