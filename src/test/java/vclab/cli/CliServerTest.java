package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CliServerTest {
    static final byte[] SECRET = "test-secret\n".getBytes(StandardCharsets.US_ASCII);
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);

    private final FakeCliService service = new FakeCliService(SECRET);
    private CliServer server;

    static CliServer.Options loopback() {
        return CliServer.Options.defaults().withAddress("127.0.0.1:0");
    }

    private CliServer start(CliServer.Options options) throws IOException {
        server = CliServer.start(service, options);
        return server;
    }

    private InetSocketAddress address() {
        return server.addresses().get(0);
    }

    private CliClient connect() throws IOException {
        return CliClient.connect(address(), CLIENT_TIMEOUT);
    }

    private CliClient login() throws IOException {
        CliClient client = connect();
        assertEquals(CliStatus.OK, client.authenticate(SECRET).status());
        return client;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            assertEquals(List.of(), liveThreads(server.threadNamePrefix()));
        }
    }

    static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .map(Thread::getName).toList();
    }

    /** Asserts that the server closed the socket: a read gives end of input, not a timeout. */
    static void assertClosedByServer(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                continue;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection", e);
        } catch (IOException e) {
            // a reset also means the server closed
        }
    }

    @Test
    void greetingCarriesAChallenge() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            CliReply greeting = client.greeting();
            assertEquals(CliStatus.AUTH, greeting.status());
            assertTrue(Pattern.matches("[a-z]{32}\n\nAuthentication required.\n",
                    greeting.body()), greeting.body());
        }
    }

    @Test
    void greetingBytesFollowTheFraming() throws IOException {
        start(loopback());
        try (Socket socket = new Socket(address().getAddress(), address().getPort())) {
            socket.setSoTimeout(20_000);
            byte[] header = socket.getInputStream().readNBytes(CliProtocol.HEADER_LENGTH);
            assertEquals("107 59      \n", new String(header, CliProtocol.CHARSET));
        }
    }

    @Test
    void authSucceedsAndPingWorks() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            CliReply auth = client.authenticate(SECRET);
            assertEquals(CliStatus.OK, auth.status());
            assertEquals(FakeCliService.BANNER, auth.body());
            CliReply ping = client.call("ping");
            assertEquals(CliStatus.OK, ping.status());
            assertTrue(ping.body().startsWith("PONG "), ping.body());
        }
    }

    @Test
    void authAcceptsUpperCaseHex() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            String response = CliClient.authResponse(client.greeting().body(), SECRET);
            CliReply reply = client.call("auth " + response.toUpperCase());
            assertEquals(CliStatus.OK, reply.status());
        }
    }

    @Test
    void wrongAuthGets500AndClose() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            CliReply reply = client.call("auth " + "0".repeat(64));
            assertEquals(new CliReply(CliStatus.CLOSE, ""), reply);
            CliReply next = client.readReply();
            assertEquals(CliProtocol.HEADER_ERROR, next.body());
        }
    }

    @Test
    void failedAuthIsLoggedWithoutSecrets() throws IOException {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CliServer.class.getName());
        logger.addHandler(handler);
        String response;
        try {
            start(loopback());
            try (CliClient client = connect()) {
                response = CliClient.authResponse(client.greeting().body(), SECRET)
                        .replace('a', 'b').replace('1', '2');
                assertEquals(CliStatus.CLOSE, client.call("auth " + response).status());
                assertEquals(CliStatus.COMMS, client.readReply().status());
            }
            server.close();
        } finally {
            logger.removeHandler(handler);
        }
        List<String> messages = records.stream().map(r -> MessageFormat.format(
                r.getMessage(), r.getParameters())).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(
                "CLI Authentication failure from 127.0.0.1 ")), messages.toString());
        String secret = new String(SECRET, StandardCharsets.US_ASCII).strip();
        assertTrue(messages.stream().noneMatch(m -> m.contains(secret)
                || m.contains(response)), messages.toString());
    }

    @Test
    void unauthenticatedRefusalCloses() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            CliReply ping = client.call("ping");
            assertEquals(CliStatus.OK, ping.status());
            CliReply banner = client.call("banner");
            assertEquals(new CliReply(CliStatus.UNKNOWN, FakeCliService.UNKNOWN), banner);
            assertEquals(CliStatus.COMMS, client.readReply().status());
        }
    }

    @Test
    void bareAuthGets104AndClose() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            assertEquals(CliStatus.TOOFEW, client.call("auth").status());
            assertEquals(CliStatus.COMMS, client.readReply().status());
        }
    }

    @Test
    void longLineBeforeAuthSplitsAt80Bytes() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            client.send("ping" + " ".repeat(76) + "ping\n");
            assertEquals(CliStatus.OK, client.readReply().status());
            assertEquals(CliStatus.UNKNOWN, client.readReply().status());
            assertEquals(CliStatus.COMMS, client.readReply().status());
        }
    }

    @Test
    void quitCloses() throws IOException {
        start(loopback());
        try (CliClient client = login()) {
            CliReply reply = client.call("quit");
            assertEquals(new CliReply(CliStatus.CLOSE, "Closing CLI connection"), reply);
            assertEquals(CliStatus.COMMS, client.readReply().status());
        }
    }

    @Test
    void authenticatedErrorsKeepTheSession() throws IOException {
        start(loopback());
        try (CliClient client = login()) {
            assertEquals(CliStatus.UNKNOWN, client.call("nosuch").status());
            assertEquals(CliStatus.SYNTAX, client.call("ping \"x").status());
            assertEquals(CliStatus.OK, client.call("ping").status());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        start(loopback());
        try (CliClient client = login()) {
            client.send("debug.argv 1\ndebug.argv 2\n\n\ndebug.argv 3\n");
            assertEquals("1:1", client.readReply().body());
            assertEquals("1:2", client.readReply().body());
            assertEquals("1:3", client.readReply().body());
        }
    }

    @Test
    void crLfGivesOneReply() throws IOException {
        start(loopback());
        try (CliClient client = login()) {
            client.send("debug.argv a\r\n");
            assertEquals("1:a", client.readReply().body());
            client.send("debug.argv b\r");
            assertEquals("1:b", client.readReply().body());
            client.send("\ndebug.argv c\n");
            assertEquals("1:c", client.readReply().body());
        }
    }

    @Test
    void hereDocumentSplitAcrossReads() throws IOException, InterruptedException {
        start(loopback());
        try (CliClient client = login()) {
            String[] parts = {"debug.argv x << E", "OF\nvcl 4.1;\nE", "EOF", "x\n", "EO", "F\n"};
            for (String part : parts) {
                client.send(part);
                Thread.sleep(20);
            }
            CliReply reply = client.readReply();
            assertEquals(FakeCliService.echoBody(List.of("x", "vcl 4.1;\nEEOFx\n")),
                    reply.body());
            assertEquals(CliStatus.OK, client.call("ping").status());
        }
    }

    @Test
    void hereDocumentIsOrdinaryBeforeAuth() throws IOException {
        start(loopback());
        try (CliClient client = connect()) {
            CliReply reply = client.call("ping << EOF");
            assertEquals(CliStatus.TOOMANY, reply.status());
        }
    }

    @Test
    void slowServiceCallBlocksOnlyItsSession() throws Exception {
        start(loopback());
        try (CliClient slow = login(); CliClient quick = login()) {
            slow.send("debug.block\n");
            service.awaitBlocked();
            assertEquals(CliStatus.OK, quick.call("ping").status());
            service.release();
            assertEquals("released", slow.readReply().body());
        }
    }

    @Test
    void idleSessionIsClosed() throws IOException {
        start(loopback().withCliTimeout(() -> Duration.ofMillis(200)));
        try (Socket socket = new Socket(address().getAddress(), address().getPort())) {
            socket.setSoTimeout(20_000);
            assertClosedByServer(socket.getInputStream());
        }
    }

    @Test
    void requestBeyondTheBoundGets500() throws IOException {
        start(loopback().withMaxRequestBytes(1000));
        try (CliClient client = login()) {
            client.send("debug.argv " + "a".repeat(5000) + "\n");
            CliReply reply = client.readReply();
            assertEquals(new CliReply(CliStatus.CLOSE,
                    "CLI request too long: more than 1000 bytes"), reply);
            assertEquals(CliStatus.COMMS, client.readReply().status());
        }
    }

    @Test
    void sessionLimitClosesOldestUnauthenticated() throws IOException {
        start(loopback().withMaxSessions(2));
        try (CliClient authenticated = login();
                Socket idle = new Socket(address().getAddress(), address().getPort());
                CliClient late = connect()) {
            idle.setSoTimeout(20_000);
            assertClosedByServer(idle.getInputStream());
            assertEquals(CliStatus.OK, late.authenticate(SECRET).status());
            assertEquals(CliStatus.OK, authenticated.call("ping").status());
        }
    }

    @Test
    void sessionLimitKeepsAuthenticatedSessions() throws IOException {
        start(loopback().withMaxSessions(1));
        try (CliClient first = login();
                Socket second = new Socket(address().getAddress(), address().getPort())) {
            second.setSoTimeout(20_000);
            assertClosedByServer(second.getInputStream());
            assertEquals(CliStatus.OK, first.call("ping").status());
        }
    }

    @Test
    void defaultSessionLimitExceedsThreeHundred() {
        assertTrue(CliServer.Options.defaults().maxSessions() > 300,
                "limit " + CliServer.Options.defaults().maxSessions());
    }

    @Test
    void serversHaveDistinctNames() throws IOException {
        start(loopback());
        try (CliServer other = CliServer.start(service, loopback())) {
            assertNotEquals(server.threadNamePrefix(), other.threadNamePrefix());
        }
    }

    @Test
    void clientThatDoesNotReadIsClosed() throws Exception {
        start(loopback().withCliTimeout(() -> Duration.ofMillis(300)));
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(address());
            socket.setSoTimeout(20_000);
            CliReply greeting = CliProtocol.readReply(socket.getInputStream());
            String auth = "auth " + CliClient.authResponse(greeting.body(), SECRET) + "\n";
            socket.getOutputStream().write(auth.getBytes(CliProtocol.CHARSET));
            CliProtocol.readReply(socket.getInputStream());

            byte[] big = ("debug.argv " + "b".repeat(8 << 20) + "\n").getBytes(
                    CliProtocol.CHARSET);
            try {
                socket.getOutputStream().write(big);
            } catch (java.net.SocketException e) {
                // The server may close the connection before the request is written out.
            }
            awaitNoSessions();
        }
    }

    private void awaitNoSessions() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.sessionCount());
    }

    @Test
    void nonLoopbackAddressIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(loopback().withAddress("0.0.0.0:0")));
        assertTrue(e.getMessage().contains("not a loopback address"), e.getMessage());
        server = null;
    }

    @Test
    void sessionOpenAndCloseAreLoggedAtInfo() throws IOException {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(CliServer.class.getName());
        logger.addHandler(handler);
        try {
            start(loopback());
            login().close();
            server.close();
        } finally {
            logger.removeHandler(handler);
        }
        List<String> infos = records.stream()
                .filter(r -> r.getLevel() == java.util.logging.Level.INFO)
                .map(r -> MessageFormat.format(r.getMessage(), r.getParameters())).toList();
        assertTrue(infos.stream().anyMatch(m -> m.startsWith("CLI session from 127.0.0.1 ")
                && m.endsWith(" opened")), infos.toString());
        assertTrue(infos.stream().anyMatch(m -> m.startsWith("CLI session from 127.0.0.1 ")
                && m.contains(" closed: ")), infos.toString());
    }

    @Test
    void malformedAddressIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(loopback().withAddress("[::1")));
        assertTrue(e.getMessage().contains("IPv6 address lacks ']'"), e.getMessage());
        server = null;
    }

    @Test
    void publishedAddressLinesNameTheBoundPort() throws IOException {
        start(loopback());
        assertEquals("127.0.0.1 " + address().getPort() + "\n", server.vsmAddressLines());
    }

    @Test
    void closeEndsOpenSessions() throws IOException {
        start(loopback());
        try (CliClient client = login()) {
            server.close();
            assertEquals(CliStatus.COMMS, client.readReply().status());
            assertEquals(0, server.sessionCount());
        }
    }

    @Test
    void noSecretMeansAuthenticatedFromTheStart() throws IOException {
        server = CliServer.start(new FakeCliService(null), loopback());
        try (CliClient client = connect()) {
            assertEquals(CliStatus.OK, client.greeting().status());
            CliReply reply = client.call("debug.argv x << E\ny\nE");
            assertEquals(FakeCliService.echoBody(List.of("x", "y\n")), reply.body());
        }
    }
}
