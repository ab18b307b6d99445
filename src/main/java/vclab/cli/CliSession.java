package vclab.cli;

/**
 * The state of one CLI connection or REPL session: whether it has authenticated and the
 * challenge it was sent. One command's options never carry over to the next; only this does.
 */
public final class CliSession {
    private final String peer;
    private boolean authenticated;
    private String challenge;

    /**
     * @param peer who is on the other end, for logs ("127.0.0.1 40312", "repl", "vtc v1")
     * @param authenticated true for channels that need no authentication
     */
    public CliSession(String peer, boolean authenticated) {
        this.peer = peer;
        this.authenticated = authenticated;
    }

    public String peer() {
        return peer;
    }

    public boolean isAuthenticated() {
        return authenticated;
    }

    public void setAuthenticated(boolean authenticated) {
        this.authenticated = authenticated;
    }

    /** The 32-letter challenge sent in the 107 greeting; after authentication, 32 NUL bytes. */
    public String challenge() {
        return challenge;
    }

    public void setChallenge(String challenge) {
        this.challenge = challenge;
    }
}
