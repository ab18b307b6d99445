package vclab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBuiltinsTest {
    @TempDir
    Path tmp;

    private Path secret(String content) throws IOException {
        Path file = tmp.resolve("secret");
        Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    private static String response(CliSession session, String secret) {
        return CliBuiltins.authResponse(session.challenge(),
                secret.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void specWorkedExample() {
        // The example of the CLI protocol description: challenge, then "my-secret\n".
        assertEquals("16e71c6be092608f1b4666ce069aa4c98cba2e6c04a30683daddbeaed3d31190",
                CliBuiltins.authResponse("abcdefghijklmnopqrstuvwxyzabcdef",
                        "my-secret\n".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void authWithoutSecretFile() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1, null);
        CliReply reply = varnish.send("auth", "x");
        assertEquals(CliStatus.CANT, reply.status());
        assertEquals("Secret file not configured\n", reply.body());
    }

    @Test
    void authWithMissingSecretFile() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1, tmp.resolve("missing"));
        CliReply reply = varnish.send("auth", "x");
        assertEquals(CliStatus.CANT, reply.status());
        assertEquals("Cannot open secret file (No such file or directory)\n", reply.body());
    }

    @Test
    void greetingChallengesWhenSecretSet() throws IOException {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1, secret("s\n"));
        CliSession session = new CliSession("test", false);
        CliReply greeting = varnish.builtins.greeting(session, new Random(3),
                varnish.manager.host());
        assertEquals(CliStatus.AUTH, greeting.status());
        assertEquals(59, greeting.body().length());
        assertEquals(session.challenge() + "\n\nAuthentication required.\n", greeting.body());
        assertTrue(session.challenge().matches("[a-z]{32}"), session.challenge());
        CliSession again = new CliSession("test", false);
        varnish.builtins.greeting(again, new Random(3), varnish.manager.host());
        assertEquals(session.challenge(), again.challenge());
    }

    @Test
    void greetingSendsBannerWithoutSecret() {
        TestVarnish varnish = new TestVarnish(Dialect.TRUNK, null);
        CliSession session = new CliSession("test", false);
        CliReply greeting = varnish.builtins.greeting(session, new Random(3),
                varnish.manager.host());
        assertEquals(CliStatus.OK, greeting.status());
        assertTrue(greeting.body().contains("varnish-8.0.0 revision "), greeting.body());
        assertTrue(session.isAuthenticated());
    }

    @Test
    void authIgnoresCaseAndClearsChallenge() throws IOException {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1, secret("s\n"));
        CliSession session = new CliSession("test", false);
        varnish.builtins.greeting(session, new Random(5), varnish.manager.host());
        String original = response(session, "s\n");
        CliReply reply = varnish.send(session, "auth", original.toUpperCase());
        assertEquals(CliStatus.OK, reply.status());
        assertTrue(reply.body().startsWith("-----------------------------\n"), reply.body());
        assertTrue(session.isAuthenticated());
        assertEquals(CliBuiltins.CLEARED_CHALLENGE, session.challenge());

        assertEquals(CliStatus.CLOSE, varnish.send(session, "auth", original).status());
        assertEquals(CliStatus.OK, varnish.send(session, "auth", response(session, "s\n"))
                .status());
    }

    @Test
    void wrongResponseCloses() throws IOException {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1, secret("s\n"));
        CliSession session = new CliSession("test", false);
        varnish.builtins.greeting(session, new Random(5), varnish.manager.host());
        CliReply reply = varnish.send(session, "auth", "0".repeat(64));
        assertEquals(CliStatus.CLOSE, reply.status());
        assertEquals("", reply.body());
        assertFalse(session.isAuthenticated());
    }

    @Test
    void secretFileReadAtEachAuth() throws IOException {
        Path file = secret("old\n");
        TestVarnish varnish = new TestVarnish(Dialect.V7_1, file);
        CliSession session = new CliSession("test", false);
        varnish.builtins.greeting(session, new Random(9), varnish.manager.host());
        String oldResponse = response(session, "old\n");
        Files.writeString(file, "new\n");
        assertEquals(CliStatus.CLOSE, varnish.send(session, "auth", oldResponse).status());
    }

    @Test
    void bannerStartLineOnlyWithoutWorker() {
        TestVarnish varnish = new TestVarnish(Dialect.V7_1);
        String running = varnish.send("banner").body();
        varnish.childRunning = false;
        String stopped = varnish.send("banner").body();
        assertEquals(running + "Type 'start' to launch worker process.\n", stopped);
    }

    @Test
    void unameMachineNames() {
        assertEquals("x86_64", CliBanner.unameMachine("Linux", "amd64"));
        assertEquals("aarch64", CliBanner.unameMachine("Linux", "aarch64"));
        assertEquals("arm64", CliBanner.unameMachine("Darwin", "aarch64"));
        assertEquals("amd64", CliBanner.unameMachine("FreeBSD", "amd64"));
        assertEquals("ppc64le", CliBanner.unameMachine("Linux", "ppc64le"));
    }
}
