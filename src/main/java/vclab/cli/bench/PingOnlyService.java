package vclab.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vclab.cli.CliClient;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliService;
import vclab.cli.CliSession;
import vclab.cli.CliStatus;

/**
 * A benchmark fixture, not a model: the least a CliService needs to answer varnishadm's
 * handshake and {@code ping} the way varnishd 7.1 does (107 greeting, {@code auth} reading the
 * secret file each time, {@code ping}, {@code quit}, 101 for everything else). It lets the
 * benchmark measure the server and the wire without the model.
 */
public final class PingOnlyService implements CliService {
    private static final String UNKNOWN = "Unknown request.\nType 'help' for more info.\n";
    private static final Set<String> PRE_AUTH = Set.of("auth", "help", "ping", "quit");

    private final Path secretFile;
    private final SecureRandom random = new SecureRandom();

    public PingOnlyService(Path secretFile) {
        this.secretFile = secretFile;
    }

    @Override
    public CliReply greet(CliSession session) {
        StringBuilder challenge = new StringBuilder();
        for (int i = 0; i < CliClient.CHALLENGE_LENGTH; i++) {
            challenge.append((char) ('a' + random.nextInt(26)));
        }
        session.setChallenge(challenge.toString());
        return new CliReply(CliStatus.AUTH, challenge + "\n\nAuthentication required.\n");
    }

    @Override
    public CliReply execute(CliSession session, CliRequest request) {
        List<String> argv = request.argv();
        if (request.syntaxError() != null || argv.isEmpty()
                || !session.isAuthenticated() && !PRE_AUTH.contains(argv.get(0))) {
            return new CliReply(CliStatus.UNKNOWN, UNKNOWN);
        }
        switch (argv.get(0)) {
            case "ping":
                return CliReply.ok("PONG " + Instant.now().getEpochSecond() + " 1.0");
            case "quit":
                return new CliReply(CliStatus.CLOSE, "Closing CLI connection");
            case "auth":
                return auth(session, argv);
            default:
                return new CliReply(CliStatus.UNKNOWN, UNKNOWN);
        }
    }

    private CliReply auth(CliSession session, List<String> argv) {
        if (argv.size() != 2) {
            return new CliReply(CliStatus.TOOFEW, "Too few parameters\n");
        }
        byte[] secret;
        try {
            secret = Files.readAllBytes(secretFile);
        } catch (IOException e) {
            return new CliReply(CliStatus.CANT, "Cannot open secret file (" + e.getMessage()
                    + ")\n");
        }
        if (!CliClient.authResponse(session.challenge(), secret).equalsIgnoreCase(argv.get(1))) {
            return new CliReply(CliStatus.CLOSE, "");
        }
        session.setAuthenticated(true);
        session.setChallenge("\0".repeat(CliClient.CHALLENGE_LENGTH));
        return CliReply.ok("banner");
    }
}
