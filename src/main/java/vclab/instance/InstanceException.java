package vclab.instance;

/** varnishd refused to start: its error output and exit status. */
public final class InstanceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    public InstanceException(String stderr, int exitStatus) {
        super(stderr);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
