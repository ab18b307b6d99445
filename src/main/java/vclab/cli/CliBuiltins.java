package vclab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands that need no model: {@code ping}, {@code banner}, {@code help}, {@code quit} and
 * {@code auth}, plus the session greeting and the authentication hash.
 */
public final class CliBuiltins {
    /** How many responses {@link #authResponse} keeps. */
    private static final int MAX_RESPONSES = 64;
    /**
     * Responses by challenge and secret. Simulated instances draw their challenges from
     * seeded generators, so an exploration authenticates with the same pair in every run.
     */
    private static final Map<String, String> RESPONSES = new ConcurrentHashMap<>();

    /** The challenge of a session once it has authenticated: 32 NUL bytes. */
    public static final String CLEARED_CHALLENGE = "\0".repeat(32);

    private static final int CHALLENGE_LENGTH = 32;

    /** Where {@code auth} reads the secret from. */
    @FunctionalInterface
    public interface SecretSource {
        byte[] read() throws IOException;
    }

    private final CliBanner banner;
    private final SecretSource secretFile;

    /**
     * @param secretFile the file given with -S, read at every {@code auth}; null when
     *     authentication is disabled
     */
    public CliBuiltins(CliBanner banner, Path secretFile) {
        this(banner, secretFile == null ? null : () -> readSecret(secretFile));
    }

    /**
     * Builds the built-in commands with the secret read from {@code secret}, for an instance
     * that writes no secret file; null disables authentication.
     */
    public CliBuiltins(CliBanner banner, SecretSource secret) {
        this.banner = banner;
        this.secretFile = secret;
    }

    public CliBanner banner() {
        return banner;
    }

    /**
     * Registers the manager's {@code auth}, {@code banner}, {@code help}, {@code ping} and
     * {@code quit}. Its {@code help} is forwarded to the worker while one runs.
     */
    public void registerManager(CliDispatcher dispatcher) {
        dispatcher.register("auth", this::auth);
        dispatcher.register("banner", call -> banner.print(call.out(), call.host().childRunning()));
        dispatcher.register("help", CliBuiltins::managerHelp);
        dispatcher.register("ping", CliBuiltins::ping);
        dispatcher.register("quit", CliBuiltins::quit);
    }

    /** Registers the worker's own {@code help} and {@code ping}. */
    public static void registerWorker(CliDispatcher dispatcher) {
        dispatcher.register("help", CliBuiltins::help);
        dispatcher.register("ping", CliBuiltins::ping);
    }

    private static void managerHelp(CliCall call) {
        // vclab's own manager-side commands are unknown to the child, so their help is local.
        String topic = call.args().stream().filter(a -> !a.startsWith("-")).findFirst()
                .orElse(null);
        boolean vclabTopic = topic != null && call.table().visible(true).stream()
                .anyMatch(c -> c.hidden() && c.name().equals(topic));
        if (call.host().childRunning() && !vclabTopic) {
            CliDispatcher.askChild(call);
        } else {
            help(call);
        }
    }

    /** Lists or describes commands ({@code help} in all its forms) from the call's table. */
    public static void help(CliCall call) {
        if (call.json()) {
            CliHelp.helpJson(call);
        } else {
            CliHelp.help(call);
        }
    }

    /** {@code ping [<anything>]}: {@code PONG <seconds> 1.0}; {@code ping -j}: "PONG" in JSON. */
    public static void ping(CliCall call) {
        if (call.json()) {
            call.jsonBegin(2);
            call.out().print(", \"PONG\"\n");
            call.out().jsonEnd();
        } else {
            long seconds = (long) Math.floor(call.host().now());
            call.out().print("PONG " + seconds + " 1.0");
        }
    }

    /** {@code quit}: 500, after which the server closes the connection. */
    public static void quit(CliCall call) {
        call.out().print("Closing CLI connection");
        call.out().setStatus(CliStatus.CLOSE);
    }

    /**
     * {@code auth <response>}: compares the response, ignoring case, with the hash over the
     * session's challenge and the secret file as it is now. A mismatch replies 500 with an
     * empty body. A match authenticates the session, clears its challenge and sends the
     * banner.
     */
    public void auth(CliCall call) {
        CliOutput out = call.out();
        if (secretFile == null) {
            out.print("Secret file not configured\n");
            out.setStatus(CliStatus.CANT);
            return;
        }
        byte[] secret;
        try {
            secret = secretFile.read();
        } catch (IOException e) {
            out.print("Cannot open secret file (" + strerror(e) + ")\n");
            out.setStatus(CliStatus.CANT);
            return;
        }
        CliSession session = call.session();
        String expected = authResponse(session.challenge(), secret);
        if (!CFormat.equalsIgnoreAsciiCase(expected, call.args().get(0))) {
            // CliConnection logs the failure, once, for TCP sessions.
            out.setStatus(CliStatus.CLOSE);
            return;
        }
        session.setAuthenticated(true);
        session.setChallenge(CLEARED_CHALLENGE);
        out.setStatus(CliStatus.OK);
        banner.print(out, call.host().childRunning());
    }

    /**
     * Builds the first reply of a session: 107 with a fresh challenge when a secret file is
     * set and the session is not yet authenticated, otherwise 200 with the banner (and the
     * session counts as authenticated).
     */
    public CliReply greeting(CliSession session, Random random, CliHost host) {
        if (secretFile != null && !session.isAuthenticated()) {
            return challenge(session, random);
        }
        session.setAuthenticated(true);
        CliOutput out = new CliOutput(host.dialect(), host::cliLimit);
        banner.print(out, host.childRunning());
        return out.reply();
    }

    /**
     * Draws a 32-letter challenge from random, stores it in the session and returns the 107
     * greeting {@code <challenge>\n\nAuthentication required.\n}.
     */
    public static CliReply challenge(CliSession session, Random random) {
        StringBuilder letters = new StringBuilder(CHALLENGE_LENGTH);
        for (int i = 0; i < CHALLENGE_LENGTH; i++) {
            letters.append((char) ('a' + random.nextInt(256) % 26));
        }
        String challenge = letters.toString();
        session.setChallenge(challenge);
        return new CliReply(CliStatus.AUTH, challenge + "\n\nAuthentication required.\n");
    }

    /**
     * The response a client must send: lower-case hex SHA-256 of the challenge, LF, the secret
     * file's bytes, the challenge again and LF. A null challenge (a session that never got one)
     * counts as 32 NUL bytes, as in varnishd.
     */
    public static String authResponse(String challenge, byte[] secret) {
        String key = challenge + "\n" + new String(secret, StandardCharsets.ISO_8859_1);
        String cached = RESPONSES.get(key);
        if (cached != null) {
            return cached;
        }
        String response = hashResponse(challenge, secret);
        if (RESPONSES.size() >= MAX_RESPONSES) {
            RESPONSES.clear();
        }
        RESPONSES.put(key, response);
        return response;
    }

    private static String hashResponse(String challenge, byte[] secret) {
        byte[] c = challengeBytes(challenge);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(c);
            sha.update((byte) '\n');
            sha.update(secret);
            sha.update(c);
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] challengeBytes(String challenge) {
        byte[] c = new byte[CHALLENGE_LENGTH];
        if (challenge != null) {
            byte[] given = challenge.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(given, 0, c, 0, Math.min(given.length, CHALLENGE_LENGTH));
        }
        return c;
    }

    /** Reads the secret; a directory opens but reads as nothing in varnishd, so it is empty. */
    private static byte[] readSecret(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return new byte[0];
        }
        return Files.readAllBytes(file);
    }

    /** Returns strerror's text for the two usual failures; NOTE: others keep Java's message. */
    private static String strerror(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return e.getMessage();
    }
}
