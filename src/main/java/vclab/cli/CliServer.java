package vclab.cli;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The TCP CLI listener of a {@code -T} address: one session per connection, each on a thread
 * of its own, every request handed to a {@link CliService}.
 *
 * <p>Per session: the service's greeting, then requests as {@link CliFramer} cuts them, each
 * reply written before the next request is read (as varnishd does). The server closes a
 * session after a reply with status 500, after any reply other than 200 while the session is
 * unauthenticated, on end of input, and after {@code cli_timeout} without input. Which commands
 * run before authentication is the service's decision; the 80-byte line limit and the absence
 * of here-documents before authentication are the framer's.
 *
 * <p>Resources: a request is bounded by {@link Options#maxRequestBytes()} (exceeding it gets a
 * 500 reply and the close; varnishd has no bound), sessions by {@link Options#maxSessions()},
 * and a reply write that blocks longer than {@code cli_timeout} (a client that does not read)
 * closes its session. varnishd closes no idle session and blocks on such writes; vclab does
 * both so that one client cannot hold resources for ever. At the session limit, a new
 * connection closes the oldest session that has not authenticated, so idle connections
 * cannot lock clients out. Only when every session has authenticated is the new one closed.
 */
public final class CliServer implements AutoCloseable {
    /** The address used when none is given. */
    public static final String DEFAULT_ADDRESS = "127.0.0.1:6082";

    /** varnishd's default {@code cli_timeout}. */
    public static final Duration DEFAULT_CLI_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The default bound on concurrent sessions. Each session has a platform thread. varnishd
     * 7.1.1 has no bound and still replied to ping with 300 idle connections open.
     */
    public static final int DEFAULT_MAX_SESSIONS = 1024;

    private static final System.Logger LOG = System.getLogger(CliServer.class.getName());
    private static final long JOIN_MILLIS = 5_000;

    /**
     * The settings of a server: where it listens, and the bounds on its sessions.
     *
     * @param address the {@code -T} argument ({@code host:port}, {@code [v6]:port}, ...)
     * @param listenAny allow addresses that are not loopback addresses
     * @param dialect the Varnish release whose tokenizer the framer follows
     * @param cliTimeout the current {@code cli_timeout}, read at each wait; null, zero or
     *     negative means no limit
     * @param maxRequestBytes the bound on one request (line or here-document)
     * @param maxSessions the bound on concurrent sessions; at the bound, a new connection
     *     closes the oldest unauthenticated session, or is closed when there is none
     */
    public record Options(String address, boolean listenAny, Dialect dialect,
            Supplier<Duration> cliTimeout, int maxRequestBytes, int maxSessions) {
        public Options {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(dialect, "dialect");
            Objects.requireNonNull(cliTimeout, "cliTimeout");
            if (maxSessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1, got "
                        + maxSessions);
            }
            if (maxRequestBytes <= CliFramer.PRE_AUTH_LINE_LIMIT) {
                throw new IllegalArgumentException("maxRequestBytes must exceed "
                        + CliFramer.PRE_AUTH_LINE_LIMIT + ", got " + maxRequestBytes);
            }
        }

        /** Loopback on 6082, 7.1, 60 s, 16 MiB requests, {@link #DEFAULT_MAX_SESSIONS}. */
        public static Options defaults() {
            return new Options(DEFAULT_ADDRESS, false, Dialect.V7_1,
                    () -> DEFAULT_CLI_TIMEOUT, CliFramer.DEFAULT_MAX_REQUEST_BYTES,
                    DEFAULT_MAX_SESSIONS);
        }

        public Options withAddress(String value) {
            return new Options(value, listenAny, dialect, cliTimeout, maxRequestBytes,
                    maxSessions);
        }

        public Options withListenAny(boolean value) {
            return new Options(address, value, dialect, cliTimeout, maxRequestBytes,
                    maxSessions);
        }

        public Options withDialect(Dialect value) {
            return new Options(address, listenAny, value, cliTimeout, maxRequestBytes,
                    maxSessions);
        }

        public Options withCliTimeout(Supplier<Duration> value) {
            return new Options(address, listenAny, dialect, value, maxRequestBytes,
                    maxSessions);
        }

        public Options withMaxRequestBytes(int value) {
            return new Options(address, listenAny, dialect, cliTimeout, value, maxSessions);
        }

        public Options withMaxSessions(int value) {
            return new Options(address, listenAny, dialect, cliTimeout, maxRequestBytes,
                    value);
        }
    }

    private final CliService service;
    private final Options options;
    private final String name;
    private final List<ServerSocket> listeners;
    private final List<Thread> acceptors = new ArrayList<>();
    /** The open sessions by session id, so in the order they were accepted. */
    private final ConcurrentSkipListMap<Integer, CliConnection> connections =
            new ConcurrentSkipListMap<>();
    private final ScheduledThreadPoolExecutor watchdog;
    private final AtomicInteger sessionIds = new AtomicInteger();
    private final AtomicLong rejectedSessions = new AtomicLong();
    private final AtomicLong evictedSessions = new AtomicLong();
    private volatile boolean closed;
    /** The watchdog's threads, so that close() can wait until they have exited. */
    private final List<Thread> watchdogThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private CliServer(CliService service, Options options, List<ServerSocket> listeners) {
        this.service = service;
        this.options = options;
        this.listeners = listeners;
        // The process id distinguishes servers of different processes, and the port (bound
        // until close) distinguishes servers of one process.
        this.name = "vclab-cli-" + ProcessHandle.current().pid() + "-"
                + listeners.get(0).getLocalPort();
        this.watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name + "-watchdog");
            thread.setDaemon(true);
            watchdogThreads.add(thread);
            return thread;
        });
        this.watchdog.setRemoveOnCancelPolicy(true);
    }

    /**
     * Binds every address the {@code -T} argument resolves to and starts accepting.
     *
     * @throws IllegalArgumentException if the address is malformed, or resolves to an address
     *     that is not a loopback address while {@code listenAny} is off
     * @throws IOException if no address could be bound
     */
    public static CliServer start(CliService service, Options options) throws IOException {
        Objects.requireNonNull(service, "service");
        List<InetSocketAddress> targets = resolveListenAddresses(options);
        CliServer server = new CliServer(service, options, bind(targets, options));
        server.startAcceptors();
        LOG.log(Level.INFO, "CLI server {0} listening on {1}", server.name,
                server.vsmAddressLines().strip().replace('\n', ','));
        return server;
    }

    private static List<InetSocketAddress> resolveListenAddresses(Options options) {
        List<InetSocketAddress> targets;
        try {
            targets = CliAddress.parse(options.address()).resolve();
        } catch (CliAddress.AddressException e) {
            // varnishd's wording and layout: the error, the resolver's reason, the usage hint.
            throw new IllegalArgumentException("Error: Could not resolve -T argument to"
                    + " address\n\t" + e.getMessage() + "\n(-? gives usage)", e);
        }
        if (!options.listenAny()) {
            for (InetSocketAddress target : targets) {
                if (!target.getAddress().isLoopbackAddress()) {
                    throw new IllegalArgumentException("-T " + options.address()
                            + " resolves to " + CliAddress.numericHost(target.getAddress())
                            + ", which is not a loopback address; listening there needs"
                            + " listenAny (vclab serve --listen-any)");
                }
            }
        }
        return targets;
    }

    private static List<ServerSocket> bind(List<InetSocketAddress> targets, Options options)
            throws IOException {
        List<ServerSocket> listeners = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (InetSocketAddress target : targets) {
            ServerSocket listener = new ServerSocket();
            try {
                listener.setReuseAddress(true);
                listener.bind(target, 10);
                listeners.add(listener);
            } catch (IOException e) {
                listener.close();
                failures.add(CliAddress.numericHost(target.getAddress()) + ": " + e.getMessage());
            }
        }
        if (listeners.isEmpty()) {
            throw new IOException("-T " + options.address() + " could not be listened on ("
                    + String.join("; ", failures) + ")");
        }
        return listeners;
    }

    private void startAcceptors() {
        for (ServerSocket listener : listeners) {
            Thread thread = new Thread(() -> acceptLoop(listener), name + "-accept-"
                    + listener.getLocalPort());
            thread.setDaemon(true);
            acceptors.add(thread);
            thread.start();
        }
    }

    /** Returns the bound sockets, in the order of the resolver. */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> result = new ArrayList<>();
        for (ServerSocket listener : listeners) {
            result.add((InetSocketAddress) listener.getLocalSocketAddress());
        }
        return result;
    }

    /** Formats the {@code -T} value for VSM: one {@code <address> <port>\n} per socket. */
    public String vsmAddressLines() {
        StringBuilder lines = new StringBuilder();
        for (InetSocketAddress address : addresses()) {
            lines.append(CliAddress.vsmLine(address)).append('\n');
        }
        return lines.toString();
    }

    /** Returns the number of open sessions. */
    public int sessionCount() {
        return connections.size();
    }

    /** Returns the prefix of the names of every thread this server starts. */
    String threadNamePrefix() {
        return name;
    }

    Options options() {
        return options;
    }

    CliService service() {
        return service;
    }

    ScheduledThreadPoolExecutor watchdog() {
        return watchdog;
    }

    boolean isClosed() {
        return closed;
    }

    void forget(CliConnection connection) {
        connections.remove(connection.id(), connection);
    }

    private void acceptLoop(ServerSocket listener) {
        int failures = 0;
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
                failures = 0;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                failures++;
                LOG.log(Level.WARNING, "CLI accept on {0} failed ({1} in a row): {2}",
                        listener.getLocalSocketAddress(), failures, e.toString());
                pause(Math.min(1_000, 10L * failures));
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        if (closed || (connections.size() >= options.maxSessions() && !evictOldest(socket))) {
            long count = rejectedSessions.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.log(Level.WARNING, "CLI session limit of {0} reached and every session"
                        + " has authenticated; closed {1} new connections so far, the latest"
                        + " from {2}", options.maxSessions(), count,
                        socket.getRemoteSocketAddress());
            }
            CliConnection.closeQuietly(socket);
            return;
        }
        int id = sessionIds.incrementAndGet();
        CliConnection connection = new CliConnection(this, socket, id);
        Thread thread = new Thread(connection, name + "-session-" + id);
        thread.setDaemon(true);
        connection.setThread(thread);
        connections.put(id, connection);
        thread.start();
        if (closed) {
            connection.abort();
        }
    }

    /**
     * Closes the oldest session that has not authenticated, to make room for a connection
     * from {@code peer}; returns false when every session has authenticated.
     */
    private boolean evictOldest(Socket peer) {
        for (CliConnection connection : connections.values()) {
            if (!connection.isAuthenticated()) {
                connections.remove(connection.id(), connection);
                connection.evict();
                long count = evictedSessions.incrementAndGet();
                if (Long.bitCount(count) == 1) {
                    LOG.log(Level.WARNING, "CLI session limit of {0} reached; closed the"
                            + " oldest unauthenticated session (from {1}) for a connection"
                            + " from {2}, {3} such closes so far", options.maxSessions(),
                            connection.peer(), peer.getRemoteSocketAddress(), count);
                }
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening, closes every session and joins every thread the server started. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServerSocket listener : listeners) {
            CliConnection.closeQuietly(listener);
        }
        for (Thread acceptor : acceptors) {
            join(acceptor);
        }
        List<CliConnection> open = new ArrayList<>(connections.values());
        for (CliConnection connection : open) {
            connection.abort();
        }
        for (CliConnection connection : open) {
            join(connection.thread());
        }
        watchdog.shutdownNow();
        try {
            if (!watchdog.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "CLI server {0}: watchdog thread did not stop", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A terminated executor's worker may still be finishing its exit; wait for that too.
        for (Thread t : watchdogThreads) {
            join(t);
        }
        LOG.log(Level.INFO, "CLI server {0} stopped", name);
    }

    private void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            // A service call that ignores interrupts can keep a session thread busy.
            thread.interrupt();
            LOG.log(Level.WARNING, "CLI server {0}: thread {1} still running after {2} ms",
                    name, thread.getName(), JOIN_MILLIS);
        }
    }
}
