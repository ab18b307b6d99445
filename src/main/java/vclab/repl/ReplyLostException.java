package vclab.repl;

import java.io.IOException;

/**
 * The reply to a request that can no longer come, because the session ended first: after a
 * 500, a lost connection or {@link CliChannel#close()}. The message is the read error, such
 * as {@code CLI communication error (hdr)}, or {@code the CLI session was closed}.
 */
public final class ReplyLostException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReplyLostException(String message) {
        super(message);
    }
}
