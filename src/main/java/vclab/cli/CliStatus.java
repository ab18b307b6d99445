package vclab.cli;

/** CLI status codes, with Varnish's names. */
public final class CliStatus {
    public static final int SYNTAX = 100;
    public static final int UNKNOWN = 101;
    public static final int UNIMPL = 102;
    public static final int TOOFEW = 104;
    public static final int TOOMANY = 105;
    public static final int PARAM = 106;
    public static final int AUTH = 107;
    public static final int OK = 200;
    public static final int TRUNCATED = 201;
    public static final int CANT = 300;
    public static final int COMMS = 400;
    public static final int CLOSE = 500;

    private CliStatus() {
    }
}
