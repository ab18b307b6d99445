package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CliClientTest {

    @Test
    void authResponseMatchesTheSpecExample() {
        String response = CliClient.authResponse("abcdefghijklmnopqrstuvwxyzabcdef",
                "my-secret\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("16e71c6be092608f1b4666ce069aa4c98cba2e6c04a30683daddbeaed3d31190",
                response);
    }

    @Test
    void authResponseMatchesTheGoldenExample() {
        String note = null;
        for (var entry : WireGolden.topic("auth")) {
            if (entry.get("kind").asText().equals("note")
                    && entry.get("text").asText().contains("Worked example")) {
                note = entry.get("text").asText();
            }
        }
        Matcher m = Pattern.compile("challenge '([a-z]{32})'.*holding '([^']*)': ([0-9a-f]{64})")
                .matcher(note.replace("\\n", "\n"));
        assertTrue(m.find(), note);
        String response = CliClient.authResponse(m.group(1),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        assertEquals(m.group(3), response);
    }

    @Test
    void authResponseUsesFirst32Chars() {
        byte[] secret = {1, 2, 3};
        String challenge = "q".repeat(32);
        assertEquals(CliClient.authResponse(challenge, secret),
                CliClient.authResponse(challenge + "\n\nAuthentication required.\n", secret));
    }

    @Test
    void connectionRefusedIsReportedAsVarnishadmDoes() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        CliClient.ConnectFailedException e = assertThrows(CliClient.ConnectFailedException.class,
                () -> CliClient.connect("127.0.0.1:" + port, Duration.ofSeconds(5)));
        assertEquals("Connection refused", e.getMessage());
    }

    @Test
    void malformedAddressIsReportedWithVssText() {
        CliClient.ConnectFailedException e = assertThrows(CliClient.ConnectFailedException.class,
                () -> CliClient.connect("[::1", Duration.ofSeconds(5)));
        assertEquals("IPv6 address lacks ']'", e.getMessage());
    }

    /** Serves one connection with fixed bytes, then holds it open until released. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket listener;
        private final Thread thread;
        private final CountDownLatch done = new CountDownLatch(1);

        RawServer(String bytes) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(bytes), "raw-cli-server");
            thread.start();
        }

        private void serve(String bytes) {
            try (Socket socket = listener.accept()) {
                OutputStream out = socket.getOutputStream();
                out.write(bytes.getBytes(CliProtocol.CHARSET));
                out.flush();
                done.await();
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }

        InetSocketAddress address() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            done.countDown();
            listener.close();
            thread.join();
        }
    }

    @Test
    void garbageGreetingIsAHeaderError() throws Exception {
        try (RawServer raw = new RawServer("HTTP/1.1 400 Bad\r\n\r\n");
                CliClient client = CliClient.connect(raw.address(), Duration.ofSeconds(5))) {
            assertEquals(new CliReply(CliStatus.COMMS, CliProtocol.HEADER_ERROR),
                    client.greeting());
            assertTrue(client.isBroken());
        }
    }

    @Test
    void silentServerTimesOutAsAHeaderError() throws Exception {
        try (RawServer raw = new RawServer("");
                CliClient client = CliClient.connect(raw.address(), Duration.ofMillis(100))) {
            assertEquals(CliProtocol.HEADER_ERROR, client.greeting().body());
        }
    }

    @Test
    void truncatedBodyTimesOutAsABodyError() throws Exception {
        try (RawServer raw = new RawServer("200 10      \nabc");
                CliClient client = CliClient.connect(raw.address(), Duration.ofMillis(100))) {
            assertEquals(CliProtocol.BODY_ERROR, client.greeting().body());
        }
    }

    @Test
    void brokenClientReadsNoFurtherReplies() throws Exception {
        try (RawServer raw = new RawServer("xyz 0       \n\n200 0       \n\n");
                CliClient client = CliClient.connect(raw.address(), Duration.ofSeconds(5))) {
            assertEquals(CliStatus.COMMS, client.greeting().status());
            assertEquals(CliStatus.COMMS, client.readReply().status());
        }
    }

    @Test
    void greetingWithoutChallengeSkipsAuth() throws Exception {
        try (RawServer raw = new RawServer("200 6       \nbanner\n");
                CliClient client = CliClient.connect(raw.address(), Duration.ofSeconds(5))) {
            assertEquals(new CliReply(200, "banner"), client.authenticate(new byte[0]));
        }
    }
}
