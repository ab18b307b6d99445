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
