package vclab.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One session of a {@link CliServer}: reads requests, runs them, writes the replies. */
final class CliConnection implements Runnable {
    private static final System.Logger LOG = System.getLogger(CliServer.class.getName());
    private static final int READ_BUFFER_BYTES = 8192;

    private final CliServer server;
    private final Socket socket;
    private final int id;
    private final String peer;
    private volatile Thread thread;
    private volatile boolean aborted;
    private volatile boolean evicted;
    private volatile boolean writeStalled;
    private volatile boolean authenticated;

    CliConnection(CliServer server, Socket socket, int id) {
        this.server = server;
        this.socket = socket;
        this.id = id;
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.peer = CliAddress.numericHost(remote.getAddress()) + " " + remote.getPort();
    }

    void setThread(Thread thread) {
        this.thread = thread;
    }

    Thread thread() {
        return thread;
    }

    /** Returns the session id, which grows with each accepted connection. */
    int id() {
        return id;
    }

    /** Returns the client's address and port as logs show them ("127.0.0.1 40312"). */
    String peer() {
        return peer;
    }

    /** Returns whether the session has authenticated, as of its last request. */
    boolean isAuthenticated() {
        return authenticated;
    }

    /** Closes the session to make room for a new connection at the session limit. */
    void evict() {
        evicted = true;
        abort();
    }

    /** Closes the socket from another thread, which ends the session's blocking call. */
    void abort() {
        aborted = true;
        closeQuietly(socket);
    }

    @Override
    public void run() {
        LOG.log(Level.INFO, "CLI session from {0} opened", peer);
        String reason;
        try {
            reason = serve();
        } catch (SocketTimeoutException e) {
            reason = "idle for longer than cli_timeout";
        } catch (IOException e) {
            if (writeStalled) {
                reason = "a reply write blocked for longer than cli_timeout";
            } else {
                reason = evicted ? "closed for a new connection at the session limit"
                        : aborted ? "server closing" : "I/O error: " + e.getMessage();
            }
        } catch (RuntimeException e) {
            // A service or reply that breaks the protocol's rules; the session cannot go on.
            LOG.log(Level.ERROR, "CLI session from " + peer + " failed", e);
            reason = "internal error: " + e;
        } finally {
            closeQuietly(socket);
            server.forget(this);
        }
        LOG.log(Level.INFO, "CLI session from {0} closed: {1}", peer, reason);
    }

    /** Runs the session until it ends; returns why it ended. */
    private String serve() throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        CliSession session = new CliSession(peer, false);
        CliFramer framer = new CliFramer(server.options().dialect(),
                server.options().maxRequestBytes());

        CliReply greeting = server.service().greet(session);
        authenticated = session.isAuthenticated();
        write(out, greeting);
        if (greeting.status() == CliStatus.CLOSE) {
            return "greeting had status 500";
        }
        framer.setAuthenticated(authenticated);

        byte[] buffer = new byte[READ_BUFFER_BYTES];
        while (!aborted) {
            socket.setSoTimeout(timeoutMillis());
            int n = in.read(buffer);
            if (n < 0) {
                return framer.hasPartialRequest() ? "end of input inside a request"
                        : "closed by client";
            }
            String reason = process(buffer, n, framer, session, out);
            if (reason != null) {
                return reason;
            }
        }
        return evicted ? "closed for a new connection at the session limit" : "server closing";
    }

    /** Runs every request the bytes complete; returns a reason when the session must end. */
    private String process(byte[] buffer, int length, CliFramer framer, CliSession session,
            OutputStream out) throws IOException {
        int offset = 0;
        while (offset < length) {
            CliFramer.Step step;
            try {
                step = framer.feedOne(buffer, offset, length - offset);
            } catch (CliFramer.RequestTooLongException e) {
                write(out, new CliReply(CliStatus.CLOSE, "CLI request too long: more than "
                        + e.limit() + " bytes"));
                LOG.log(Level.WARNING, "CLI session from {0}: request longer than {1} bytes",
                        peer, e.limit());
                drainBeforeClose();
                return "request too long";
            }
            offset += step.consumed();
            if (step.request() == null) {
                continue;
            }
            CliReply reply = execute(session, step.request());
            // Set before the reply goes out, so that a client that has read its 200 counts
            // as authenticated at the session limit.
            authenticated = session.isAuthenticated();
            write(out, reply);
            String reason = closingReason(step.request(), reply, session);
            if (reason != null) {
                return reason;
            }
            framer.setAuthenticated(authenticated);
        }
        return null;
    }

    private CliReply execute(CliSession session, CliRequest request) {
        try {
            return server.service().execute(session, request);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "CLI session from " + peer + ": the service failed on "
                    + commandWord(request), e);
            return new CliReply(CliStatus.CLOSE, "Internal error in vclab: " + e);
        }
    }

    private String closingReason(CliRequest request, CliReply reply, CliSession session) {
        if (reply.status() == CliStatus.CLOSE) {
            if (commandWord(request).equals("auth")) {
                LOG.log(Level.WARNING, "CLI Authentication failure from {0}", peer);
            }
            return "reply had status 500";
        }
        if (!session.isAuthenticated() && reply.status() != CliStatus.OK) {
            return "unauthenticated session got status " + reply.status();
        }
        return null;
    }

    /** Returns the command word for logs, never the arguments: they may be an auth response. */
    private static String commandWord(CliRequest request) {
        return request.argv().isEmpty() ? "(no command)" : request.argv().get(0);
    }

    /** Writes a reply; a write blocked longer than cli_timeout closes the socket. */
    private void write(OutputStream out, CliReply reply) throws IOException {
        byte[] frame = CliProtocol.encodeReply(reply);
        long millis = timeoutMillis();
        ScheduledFuture<?> guard = null;
        if (millis > 0) {
            try {
                guard = server.watchdog().schedule(this::stallWrite, millis,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                throw new IOException("server closing", e);
            }
        }
        try {
            out.write(frame);
            out.flush();
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
        }
    }

    private void stallWrite() {
        writeStalled = true;
        closeQuietly(socket);
    }

    /**
     * Reads and drops what the client is still sending (at most 1 MiB, until it pauses for
     * 200 ms), so that closing with unread input does not reset the connection before the
     * client has read the last reply.
     */
    private void drainBeforeClose() throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(200);
        byte[] sink = new byte[READ_BUFFER_BYTES];
        long dropped = 0;
        try {
            InputStream in = socket.getInputStream();
            int n;
            while (dropped < (1 << 20) && (n = in.read(sink)) > 0) {
                dropped += n;
            }
        } catch (SocketTimeoutException e) {
            // the client paused; close now
        }
    }

    private int timeoutMillis() {
        Duration timeout = server.options().cliTimeout().get();
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        long millis = Math.max(1, timeout.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a CLI socket failed: {0}", e.toString());
        }
    }
}
