package vclab.repl;

import java.util.concurrent.CompletableFuture;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;

/**
 * One CLI session as the REPL and the embedded modes use it: requests go out in order, and
 * each comes back as a future reply. A TCP connection to a server and an in-process model
 * both implement it.
 *
 * <p>Requests are sent without waiting for earlier replies, as varnishadm's interactive mode
 * writes each line as soon as it is typed. Futures complete on a thread of the channel, never
 * on the caller's.
 */
public interface CliChannel extends AutoCloseable {
    /**
     * Sends one complete request. The bytes that go to a server are {@code request.text()}
     * plus a LF, which is what the framer read for a line or a here-document.
     *
     * @return the reply; it fails with {@link ReplyLostException} when the session ends first
     */
    CompletableFuture<CliReply> send(CliRequest request);

    /**
     * Returns whether this request is answered without waiting for earlier replies; true only
     * for the embedded model's own {@code debug.*} commands.
     */
    default boolean answersAtOnce(CliRequest request) {
        return false;
    }

    /** Returns how many requests were sent and are still waiting for their reply. */
    int outstanding();

    /** Returns whether the session has ended: a 500 reply, a closed or broken connection. */
    boolean isClosed();

    /**
     * Returns whether the session ended by a broken connection rather than by a 500 reply,
     * in which case {@link #failure()} returns the read error.
     */
    boolean isBroken();

    /** Returns the error that broke the session ("CLI communication error (hdr)"), or null. */
    String failure();

    /** Registers an action to run once when the session ends; runs it at once if it has. */
    void onClose(Runnable action);

    /** Ends the session; replies still owed fail with {@link ReplyLostException}. */
    @Override
    void close();
}
