package vclab.repl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import vclab.cli.CliReply;

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
     * Ends the session: every reply still owed fails with a {@link ReplyLostException} that
     * carries the error, then the close actions run.
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
        for (CompletableFuture<CliReply> future : owed) {
            future.completeExceptionally(lostReply(error));
        }
        for (Runnable action : actions) {
            action.run();
        }
    }

    /** Returns the failure of a request whose reply can no longer come. */
    static ReplyLostException lostReply(String error) {
        return new ReplyLostException(error != null ? error : "the CLI session was closed");
    }
}
