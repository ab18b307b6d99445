package vclab.cli.vsm;

/** A failure to attach to or read the VSM files; the message is libvarnishapi's text. */
public final class VsmException extends Exception {
    private static final long serialVersionUID = 1L;

    public VsmException(String message) {
        super(message);
    }
}
