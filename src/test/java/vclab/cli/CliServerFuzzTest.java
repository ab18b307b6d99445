package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken clients against one server while a well-behaved client keeps working:
 * random bytes before and after authentication, oversize lines, half requests, clients that
 * dribble bytes, that never send, and that never read. Every reply must be what the framer and
 * the service decide for those bytes (computed offline with the same fake service), every
 * session must end, and closing the server must leave no thread behind.
 */
class CliServerFuzzTest {
    private static final byte[] SECRET = CliServerTest.SECRET;
    private static final int MAX_REQUEST = 64 * 1024;
    private static final String[] VOCABULARY = {"ping", "help", "auth", "quit", "banner",
        "debug.argv", "PING", "-", "<<", "EOF", "\"", "\\", "\\n", "\\x41", "\\q", "\"a b\"",
        " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "\0", "x", "1", "#", "\u00e9"};

    private CliServer server;
    private InetSocketAddress address;
    private final AtomicInteger comparedReplies = new AtomicInteger();

    /** The replies the server owes for some bytes, and whether one of them closes. */
    private record Prediction(List<CliReply> replies, boolean closes) {
    }

    @Test
    void serverSurvivesHostileClients() throws Exception {
        int threadsBefore = Thread.getAllStackTraces().size();
        server = CliServer.start(new FakeCliService(SECRET), CliServer.Options.defaults()
                .withAddress("127.0.0.1:0").withCliTimeout(() -> Duration.ofMillis(500))
                .withMaxRequestBytes(MAX_REQUEST).withMaxSessions(64));
        address = server.addresses().get(0);
        String prefix = server.threadNamePrefix();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> attacks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long seed = 1000 + i;
            attacks.add(pool.submit(() -> randomBytes(seed, false)));
            attacks.add(pool.submit(() -> randomBytes(seed, true)));
        }
        attacks.add(pool.submit(this::oversizeAfterAuth));
        attacks.add(pool.submit(this::oversizeBeforeAuth));
        attacks.add(pool.submit(this::halfRequest));
        attacks.add(pool.submit(this::silentClient));
        attacks.add(pool.submit(this::slowClient));
        attacks.add(pool.submit(this::clientThatNeverReads));

        int pings = 0;
        try (CliClient good = CliClient.connect(address, Duration.ofSeconds(20))) {
            assertEquals(CliStatus.OK, good.authenticate(SECRET).status());
            while (!allDone(attacks)) {
                CliReply reply = good.call("ping");
                assertEquals(CliStatus.OK, reply.status(), reply.body());
                pings++;
                Thread.sleep(100);
            }
            assertEquals(CliStatus.OK, good.call("ping").status());
        }
        for (Future<?> attack : attacks) {
            attack.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        server.close();
        assertEquals(List.of(), CliServerTest.liveThreads(prefix));
        int threadsAfter = Thread.getAllStackTraces().size();
        // Allow two threads the JVM may start on its own meanwhile (such as Common-Cleaner).
        assertTrue(threadsAfter <= threadsBefore + 2, "threads before " + threadsBefore
                + ", after " + threadsAfter);
        assertTrue(pings > 0);
        assertTrue(comparedReplies.get() > 100, "replies compared: " + comparedReplies);
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 20_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static CliReply read(InputStream in) throws IOException {
        return CliProtocol.readReply(in);
    }

    private void login(Socket socket) throws IOException {
        CliReply greeting = read(socket.getInputStream());
        String auth = "auth " + CliClient.authResponse(greeting.body(), SECRET) + "\n";
        socket.getOutputStream().write(auth.getBytes(CliProtocol.CHARSET));
        assertEquals(CliStatus.OK, read(socket.getInputStream()).status());
    }

    /** Random words, escapes and bytes, sent in random chunks; the replies must be predicted. */
    private Void randomBytes(long seed, boolean authenticated) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        int words = 20 + random.nextInt(200);
        for (int i = 0; i < words; i++) {
            text.append(random.nextInt(10) == 0 ? (char) random.nextInt(256)
                    : VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        byte[] bytes = text.toString().getBytes(CliProtocol.CHARSET);
        Prediction expected = predict(bytes, authenticated);

        try (Socket socket = open()) {
            if (authenticated) {
                login(socket);
            } else {
                read(socket.getInputStream());
            }
            sendInChunks(socket.getOutputStream(), bytes, random);
            List<CliReply> got = new ArrayList<>();
            boolean reset = readUntilClosed(socket.getInputStream(), got);
            String where = "seed " + seed + (authenticated ? " (authenticated)" : "");
            if (reset) {
                assertTrue(got.size() <= expected.replies().size(), where);
                assertEquals(expected.replies().subList(0, got.size()), got, where);
            } else {
                assertEquals(expected.replies(), got, where);
            }
            comparedReplies.addAndGet(got.size());
        }
        return null;
    }

    /** Runs the bytes through a framer and a fresh fake service, as the server would. */
    private static Prediction predict(byte[] bytes, boolean authenticated) {
        FakeCliService reference = new FakeCliService(SECRET);
        CliSession session = new CliSession("reference", authenticated);
        session.setChallenge((authenticated ? "\0" : "x").repeat(CliClient.CHALLENGE_LENGTH));
        CliFramer framer = new CliFramer(Dialect.V7_1, MAX_REQUEST);
        framer.setAuthenticated(authenticated);
        List<CliReply> replies = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            CliFramer.Step step;
            try {
                step = framer.feedOne(bytes, offset, bytes.length - offset);
            } catch (CliFramer.RequestTooLongException e) {
                replies.add(new CliReply(CliStatus.CLOSE, "CLI request too long: more than "
                        + MAX_REQUEST + " bytes"));
                return new Prediction(replies, true);
            }
            offset += step.consumed();
            if (step.request() == null) {
                continue;
            }
            CliReply reply = masked(reference.execute(session, step.request()));
            replies.add(reply);
            if (reply.status() == CliStatus.CLOSE
                    || !session.isAuthenticated() && reply.status() != CliStatus.OK) {
                return new Prediction(replies, true);
            }
            framer.setAuthenticated(session.isAuthenticated());
        }
        return new Prediction(replies, false);
    }

    private static CliReply masked(CliReply reply) {
        return new CliReply(reply.status(), RealVarnish.mask(reply.body()));
    }

    private static void sendInChunks(OutputStream out, byte[] bytes, Random random) {
        int offset = 0;
        try {
            while (offset < bytes.length) {
                int length = Math.min(bytes.length - offset, 1 + random.nextInt(64));
                out.write(bytes, offset, length);
                out.flush();
                offset += length;
            }
        } catch (IOException e) {
            // the server closed the session; the replies tell whether it should have
        }
    }

    /**
     * Reads replies until the server closes; returns true when the connection was reset, in
     * which case replies may have been lost.
     */
    private static boolean readUntilClosed(InputStream in, List<CliReply> replies)
            throws IOException {
        while (true) {
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither replied nor closed", e);
            } catch (IOException e) {
                return true;
            }
            if (first < 0) {
                return false;
            }
            InputStream rest = new SequenceInputStream(
                    new ByteArrayInputStream(new byte[] {(byte) first}), in);
            try {
                replies.add(masked(CliProtocol.readReply(rest)));
            } catch (CliProtocol.CommsException e) {
                return true;
            }
        }
    }

    private Void oversizeAfterAuth() throws IOException {
        try (Socket socket = open()) {
            login(socket);
            byte[] line = ("debug.argv " + "z".repeat(100_000) + "\n").getBytes(
                    CliProtocol.CHARSET);
            sendInChunks(socket.getOutputStream(), line, new Random(1));
            List<CliReply> got = new ArrayList<>();
            readUntilClosed(socket.getInputStream(), got);
            assertEquals(List.of(new CliReply(CliStatus.CLOSE, "CLI request too long: more than "
                    + MAX_REQUEST + " bytes")), got);
        }
        return null;
    }

    private Void oversizeBeforeAuth() throws IOException {
        try (Socket socket = open()) {
            read(socket.getInputStream());
            sendInChunks(socket.getOutputStream(), "q".repeat(100_000).getBytes(
                    CliProtocol.CHARSET), new Random(2));
            List<CliReply> got = new ArrayList<>();
            readUntilClosed(socket.getInputStream(), got);
            assertTrue(got.size() <= 1, got.toString());
            if (!got.isEmpty()) {
                assertEquals(new CliReply(CliStatus.UNKNOWN, FakeCliService.UNKNOWN), got.get(0));
            }
        }
        return null;
    }

    private Void halfRequest() throws IOException {
        try (Socket socket = open()) {
            login(socket);
            socket.getOutputStream().write("ping".getBytes(CliProtocol.CHARSET));
            List<CliReply> got = new ArrayList<>();
            assertEquals(false, readUntilClosed(socket.getInputStream(), got));
            assertEquals(List.of(), got);
        }
        return null;
    }

    private Void silentClient() throws IOException {
        try (Socket socket = open()) {
            List<CliReply> got = new ArrayList<>();
            readUntilClosed(socket.getInputStream(), got);
            assertEquals(List.of(CliStatus.AUTH), got.stream().map(CliReply::status).toList());
        }
        return null;
    }

    private Void slowClient() throws IOException, InterruptedException {
        try (Socket socket = open()) {
            login(socket);
            for (byte b : "debug.argv slow\n".getBytes(CliProtocol.CHARSET)) {
                socket.getOutputStream().write(b);
                Thread.sleep(20);
            }
            assertEquals(new CliReply(CliStatus.OK, "1:slow"), read(socket.getInputStream()));
        }
        return null;
    }

    private Void clientThatNeverReads() throws IOException {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(address, 20_000);
            socket.setSoTimeout(20_000);
            login(socket);
            byte[] request = ("debug.argv " + "w".repeat(60_000) + "\n").getBytes(
                    CliProtocol.CHARSET);
            try {
                for (int i = 0; i < 200; i++) {
                    socket.getOutputStream().write(request);
                }
            } catch (IOException e) {
                return null;
            }
            throw new AssertionError("the server kept reading from a client that never reads");
        }
    }
}
