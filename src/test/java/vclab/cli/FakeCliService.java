package vclab.cli;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A small stand-in for the model's CliService: 7.1's dispatch errors, the pre-auth command
 * set, {@code auth} with SHA-256, {@code ping}, {@code quit}, {@code banner}, and two test
 * commands: {@code debug.argv} (echoes its arguments), {@code debug.truncated} (a 201) and
 * {@code debug.block}, which waits until the test calls {@link #release()}.
 */
public final class FakeCliService implements CliService {
    public static final String UNKNOWN = "Unknown request.\nType 'help' for more info.\n";
    public static final String BANNER = "-----------------------------\nVarnish Cache CLI 1.0\n"
            + "-----------------------------\nLinux,fake\nvarnish-fake\n\n"
            + "Type 'help' for command list.\nType 'quit' to close CLI session.\n";
    private static final Set<String> PRE_AUTH = Set.of("auth", "help", "ping", "quit");

    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();
    private final List<CliRequest> executed = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);

    /** @param secret the secret file's content, or null for no authentication */
    public FakeCliService(byte[] secret) {
        this.secret = secret == null ? null : secret.clone();
    }

    /** Returns every request executed so far, in order. */
    public List<CliRequest> executed() {
        return executed;
    }

    /** Lets every {@code debug.block} return. */
    public void release() {
        gate.countDown();
    }

    /** Waits until a session is inside {@code debug.block}. */
    public void awaitBlocked() throws InterruptedException {
        blocked.await();
    }

    /** The body {@code debug.argv} returns for these arguments. */
    public static String echoBody(List<String> args) {
        return args.size() + ":" + String.join("|", args);
    }

    @Override
    public CliReply greet(CliSession session) {
        if (secret == null) {
            session.setAuthenticated(true);
            return CliReply.ok(BANNER);
        }
        StringBuilder challenge = new StringBuilder();
        for (int i = 0; i < CliClient.CHALLENGE_LENGTH; i++) {
            challenge.append((char) ('a' + random.nextInt(26)));
        }
        session.setChallenge(challenge.toString());
        return new CliReply(CliStatus.AUTH, challenge + "\n\nAuthentication required.\n");
    }

    @Override
    public CliReply execute(CliSession session, CliRequest request) {
        executed.add(request);
        List<String> argv = request.argv();
        if (request.syntaxError() != null) {
            return new CliReply(CliStatus.SYNTAX,
                    UNKNOWN + "Syntax Error: " + request.syntaxError() + "\n");
        }
        if (argv.isEmpty()) {
            return new CliReply(CliStatus.SYNTAX, UNKNOWN + "Empty CLI command.\n");
        }
        char first = argv.get(0).isEmpty() ? '\0' : argv.get(0).charAt(0);
        if (first >= 'A' && first <= 'Z') {
            return new CliReply(CliStatus.UNKNOWN, UNKNOWN + "all commands are in lower-case.\n");
        }
        if (first < 'a' || first > 'z') {
            return new CliReply(CliStatus.UNKNOWN, UNKNOWN);
        }
        if (!session.isAuthenticated() && !PRE_AUTH.contains(argv.get(0))) {
            return new CliReply(CliStatus.UNKNOWN, UNKNOWN);
        }
        return run(session, argv.get(0), argv.subList(1, argv.size()));
    }

    private CliReply run(CliSession session, String command, List<String> args) {
        switch (command) {
            case "ping":
                if (args.size() > 1) {
                    return new CliReply(CliStatus.TOOMANY, "Too many parameters\n");
                }
                return CliReply.ok("PONG " + Instant.now().getEpochSecond() + " 1.0");
            case "auth":
                return auth(session, args);
            case "quit":
                return new CliReply(CliStatus.CLOSE, "Closing CLI connection");
            case "help":
                return CliReply.ok(session.isAuthenticated()
                        ? "auth <response>\nbanner\nhelp [-j|<command>]\nping [-j] [<timestamp>]\n"
                                + "quit\n"
                        : "auth <response>\nhelp [-j|<command>]\nping [-j] [<timestamp>]\n"
                                + "quit\n");
            case "banner":
                return CliReply.ok(BANNER);
            case "debug.argv":
                return CliReply.ok(echoBody(args));
            case "debug.block":
                return block();
            case "debug.truncated":
                return new CliReply(CliStatus.TRUNCATED, "abc");
            default:
                return new CliReply(CliStatus.UNKNOWN, UNKNOWN);
        }
    }

    private CliReply auth(CliSession session, List<String> args) {
        if (args.isEmpty()) {
            return new CliReply(CliStatus.TOOFEW, "Too few parameters\n");
        }
        if (args.size() > 1) {
            return new CliReply(CliStatus.TOOMANY, "Too many parameters\n");
        }
        if (secret == null) {
            return new CliReply(CliStatus.CANT, "Secret file not configured\n");
        }
        String expected = CliClient.authResponse(session.challenge(), secret);
        if (!expected.equalsIgnoreCase(args.get(0))) {
            return new CliReply(CliStatus.CLOSE, "");
        }
        session.setAuthenticated(true);
        session.setChallenge("\0".repeat(CliClient.CHALLENGE_LENGTH));
        return CliReply.ok(BANNER);
    }

    private CliReply block() {
        blocked.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return CliReply.ok("released");
    }
}
