package vclab.cli;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A CLI client over TCP, as varnishadm and varnishtest use one: connect, read the greeting,
 * authenticate, then send requests and read replies.
 *
 * <p>Replies are read with the validation of varnishadm (see {@link CliProtocol#readReply});
 * a failed read gives status 400 with {@code CLI communication error (hdr)} or
 * {@code (body)}, and the client is then {@link #isBroken() broken}. Every wait for data is
 * bounded by the read timeout. Not thread-safe, except {@link #close()}.
 */
public final class CliClient implements Closeable {
    /** Length of a challenge in the 107 greeting. */
    public static final int CHALLENGE_LENGTH = 32;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final CliReply greeting;
    private Duration readTimeout;
    private boolean broken;

    private CliClient(Socket socket, Duration readTimeout) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        setReadTimeout(readTimeout);
        this.greeting = readReply();
    }

    /** A failed connection attempt; the message is the system's error text. */
    public static final class ConnectFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        public ConnectFailedException(String message) {
            super(message);
        }
    }

    /**
     * Connects to the first address of {@code -T}-style text that accepts, and reads the
     * greeting. The timeout bounds each connect attempt and then every read.
     *
     * @throws ConnectFailedException with varnishadm's reason text ("Connection refused",
     *     "IPv6 address lacks ']'", ...)
     */
    public static CliClient connect(String address, Duration timeout)
            throws ConnectFailedException {
        List<InetSocketAddress> targets;
        try {
            targets = CliAddress.parse(address).resolve();
        } catch (CliAddress.AddressException e) {
            throw new ConnectFailedException(e.getMessage());
        }
        String reason = "Connection refused";
        for (InetSocketAddress target : targets) {
            try {
                return connect(target, timeout);
            } catch (ConnectFailedException e) {
                reason = e.getMessage();
            }
        }
        throw new ConnectFailedException(reason);
    }

    /**
     * Connects to one socket address and reads the greeting.
     *
     * @param timeout bounds the connect and every read; null or zero waits for ever
     */
    public static CliClient connect(InetSocketAddress target, Duration timeout)
            throws ConnectFailedException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(target, millis(timeout));
            return new CliClient(socket, timeout);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ConnectFailedException(describe(e));
        }
    }

    /** Maps a Java connect failure to the strerror() text varnishadm prints. */
    static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "Connection timed out";
        }
        if (e instanceof NoRouteToHostException) {
            return "No route to host";
        }
        if (e instanceof ConnectException) {
            String message = e.getMessage();
            return message != null && message.startsWith("Connection refused")
                    ? "Connection refused" : String.valueOf(message);
        }
        return String.valueOf(e.getMessage());
    }

    /** Returns the first reply of the session: 107 with a challenge, or 200 and a banner. */
    public CliReply greeting() {
        return greeting;
    }

    /**
     * Sets the bound on each wait for data; null or zero waits for ever, as 7.1 does for a
     * timeout of 0.
     */
    public void setReadTimeout(Duration timeout) throws IOException {
        this.readTimeout = timeout;
        socket.setSoTimeout(millis(timeout));
    }

    /**
     * Sends the auth response to a 107 greeting, computed from the secret file's content,
     * and returns the reply to {@code auth}. Returns the greeting when it was not a 107.
     */
    public CliReply authenticate(byte[] secret) throws IOException {
        if (greeting.status() != CliStatus.AUTH) {
            return greeting;
        }
        String challenge = greeting.body();
        send("auth " + authResponse(challenge, secret) + "\n");
        return readReply();
    }

    /** Sends one line (a LF is added) and reads its reply. */
    public CliReply call(String line) throws IOException {
        send(line + "\n");
        return readReply();
    }

    /** Sends text as is; chars are bytes (ISO-8859-1). */
    public void send(String text) throws IOException {
        send(text.getBytes(CliProtocol.CHARSET));
    }

    /** Sends bytes as is. */
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one reply; a failure gives status 400 and breaks the client. */
    public CliReply readReply() {
        if (broken) {
            return new CliReply(CliStatus.COMMS, CliProtocol.HEADER_ERROR);
        }
        try {
            return CliProtocol.readReply(in);
        } catch (CliProtocol.CommsException e) {
            broken = true;
            return e.toReply();
        }
    }

    /**
     * Waits with no bound until the next reply starts to arrive, then reads it with the read
     * timeout, as varnishadm's pass mode does (it polls with no timeout first).
     */
    public CliReply awaitReply() throws IOException {
        if (!broken) {
            socket.setSoTimeout(0);
            try {
                in.mark(1);
                if (in.read() >= 0) {
                    in.reset();
                }
            } catch (IOException e) {
                broken = true;
                return new CliReply(CliStatus.COMMS, CliProtocol.HEADER_ERROR);
            } finally {
                socket.setSoTimeout(millis(readTimeout));
            }
        }
        return readReply();
    }

    /** True after a failed read: the stream position is lost, so no reply can follow. */
    public boolean isBroken() {
        return broken;
    }

    /**
     * Computes the auth response: lower-case hex SHA-256 of the challenge, LF, the secret
     * file's bytes, the challenge and LF. Only the first 32 chars of {@code challenge} count,
     * so the whole 107 body can be passed.
     */
    public static String authResponse(String challenge, byte[] secret) {
        byte[] head = new byte[CHALLENGE_LENGTH];
        byte[] given = challenge.getBytes(CliProtocol.CHARSET);
        System.arraycopy(given, 0, head, 0, Math.min(given.length, CHALLENGE_LENGTH));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head);
            sha.update((byte) '\n');
            sha.update(secret);
            sha.update(head);
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Text for logs; never the secret. */
    @Override
    public String toString() {
        return "CliClient[" + socket.getRemoteSocketAddress() + "]";
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static int millis(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        // A positive timeout below 1 ms would mean "for ever" to Java; keep it a bound.
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do: the socket is unusable either way
        }
    }
}
