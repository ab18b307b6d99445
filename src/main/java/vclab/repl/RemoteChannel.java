package vclab.repl;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import vclab.cli.CliClient;
import vclab.cli.CliProtocol;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliStatus;

/**
 * A session with a CLI server over an open, authenticated {@link CliClient}. One thread reads
 * replies for as long as the connection lives, as varnishadm's interactive mode polls its
 * socket, so a server that goes away is noticed even while nothing is owed.
 *
 * <p>The client is written by the callers of {@link #send} and read by the reader thread
 * only: CliClient keeps its input and output streams apart, and the read timeout applies to
 * each read once a reply has started to arrive.
 */
public final class RemoteChannel implements CliChannel {
    private static final System.Logger LOG = System.getLogger(RemoteChannel.class.getName());

    private final CliClient client;
    private final ReplyQueue queue = new ReplyQueue();
    private final Object sendLock = new Object();
    private final Thread reader;
    private volatile boolean closing;

    public RemoteChannel(CliClient client) {
        this.client = client;
        this.reader = new Thread(this::readReplies, "vclab-repl-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    @Override
    public CompletableFuture<CliReply> send(CliRequest request) {
        byte[] bytes = (request.text() + "\n").getBytes(CliProtocol.CHARSET);
        // The lock keeps the order of the futures the order of the bytes on the wire.
        synchronized (sendLock) {
            CompletableFuture<CliReply> future = queue.expect();
            if (future == null) {
                return CompletableFuture.failedFuture(ReplyQueue.lostReply(queue.failure()));
            }
            try {
                client.send(bytes);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "write to {0} failed: {1}", client, e);
                queue.forget(future);
                end(CliProtocol.HEADER_ERROR);
                return CompletableFuture.failedFuture(ReplyQueue.lostReply(queue.failure()));
            }
            return future;
        }
    }

    private void readReplies() {
        while (true) {
            CliReply reply;
            boolean broken;
            try {
                reply = client.awaitReply();
                broken = client.isBroken();
            } catch (IOException e) {
                reply = new CliReply(CliStatus.COMMS, CliProtocol.HEADER_ERROR);
                broken = true;
            }
            if (broken) {
                // After close() the failed read is our own doing, not a lost connection.
                end(closing ? null : reply.body());
                return;
            }
            CompletableFuture<CliReply> owner = queue.next();
            if (owner == null) {
                LOG.log(System.Logger.Level.DEBUG, "dropped an unexpected reply with status {0}",
                        reply.status());
            } else {
                owner.complete(reply);
            }
            if (reply.status() == CliStatus.CLOSE) {
                // The server closes the connection after a 500; the session ends in order.
                end(null);
                return;
            }
        }
    }

    private void end(String error) {
        closing = true;
        client.close();
        queue.close(error);
    }

    @Override
    public int outstanding() {
        return queue.size();
    }

    @Override
    public boolean isClosed() {
        return queue.isClosed();
    }

    @Override
    public boolean isBroken() {
        return queue.isClosed() && queue.failure() != null;
    }

    @Override
    public String failure() {
        return queue.failure();
    }

    @Override
    public void onClose(Runnable action) {
        queue.onClose(action);
    }

    @Override
    public void close() {
        end(null);
    }
}
