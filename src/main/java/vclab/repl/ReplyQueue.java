package vclab.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vclab.cli.CliProtocol;
import vclab.cli.CliReply;
import vclab.cli.CliStatus;

/**
 * The replies a session still owes, in the order the requests went out, and the session's
 * end. Shared by the channels; thread-safe.
 */
final class ReplyQueue {
    private final Object lock = new Object();
    /** Guarded by lock. */
    private final ArrayDeque<CompletableFuture<CliReply>> pending = new ArrayDeque<>();
    /** Guarded by lock. */
    private final List<Runnable> closeActions = new ArrayList<>();
    /** Guarded by lock. */
    private boolean closed;
    /** Guarded by lock. */
    private String failure;

    /**
     * Adds a future for a request about to be sent, or returns null when the session has
     * ended, so that the caller sends nothing.
     */
    CompletableFuture<CliReply> expect() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            CompletableFuture<CliReply> future = new CompletableFuture<>();
            pending.add(future);
            return future;
        }
    }

    /** Removes and returns the oldest future, or null when no reply is owed. */
    CompletableFuture<CliReply> next() {
        synchronized (lock) {
            return pending.poll();
        }
    }

    /**
     * Completes one owed future, whatever its place in the queue; for sessions whose replies
     * can overtake each other. Does nothing if the session's end already completed it.
     */
    void settle(CompletableFuture<CliReply> future, CliReply reply) {
        synchronized (lock) {
            if (!pending.remove(future)) {
                return;
            }
        }
        future.complete(reply);
    }

    /** Removes a future whose request was never sent. */
    void forget(CompletableFuture<CliReply> future) {
        synchronized (lock) {
            pending.remove(future);
        }
    }

    int size() {
        synchronized (lock) {
            return pending.size();
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    String failure() {
        synchronized (lock) {
            return failure;
        }
    }

    void onClose(Runnable action) {
        synchronized (lock) {
            if (!closed) {
                closeActions.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Ends the session: every reply still owed completes with status 400 and the error (or
     * the plain communication error when the end was orderly), then the close actions run.
     *
     * @param error the read error that broke the session, or null for an orderly end
     */
    void close(String error) {
        List<CompletableFuture<CliReply>> owed;
        List<Runnable> actions;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            failure = error;
            owed = new ArrayList<>(pending);
            pending.clear();
            actions = new ArrayList<>(closeActions);
            closeActions.clear();
        }
        CliReply lost = lostReply(error);
        for (CompletableFuture<CliReply> future : owed) {
            future.complete(lost);
        }
        for (Runnable action : actions) {
            action.run();
        }
    }

    /** The reply given for a request whose answer can no longer come. */
    static CliReply lostReply(String error) {
        return new CliReply(CliStatus.COMMS, error != null ? error : CliProtocol.HEADER_ERROR);
    }
}
