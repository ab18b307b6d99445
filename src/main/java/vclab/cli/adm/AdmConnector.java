package vclab.cli.adm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import vclab.cli.CliClient;
import vclab.cli.CliReply;
import vclab.cli.CliStatus;
import vclab.cli.Strerror;
import vclab.cli.vsm.Vin;
import vclab.cli.vsm.VsmException;
import vclab.cli.vsm.VsmReader;

/**
 * Opens varnishadm's session: connect, authenticate, then the extra {@code ping} varnishadm
 * sends before any command. Every failure prints varnishadm's message to stderr and gives
 * null, which the program turns into exit code 2.
 */
final class AdmConnector {
    /**
     * varnishadm's default timeout. 7.1 also uses it for the whole handshake, whatever
     * {@code -t} is, because it reads {@code -t} only after connecting.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final PrintStream err;

    AdmConnector(PrintStream err) {
        this.err = err;
    }

    /** Connects to a {@code -T} address, authenticating with the {@code -S} file if asked. */
    CliClient viaAddress(String address, String secretFile) {
        CliClient client;
        try {
            client = CliClient.connect(address, DEFAULT_TIMEOUT);
        } catch (CliClient.ConnectFailedException e) {
            err.print("Connection failed (" + address + "): " + e.getMessage() + "\n");
            return null;
        }
        if (!handshake(client, secretFile)) {
            client.close();
            return null;
        }
        return client;
    }

    /**
     * Finds the instance through its VSM files and tries each published {@code -T} line in
     * turn, with the published {@code -S} file. The timeout argument is the attach patience.
     */
    CliClient viaWorkdir(String name, String timeout) throws InterruptedException {
        double patience = 5;
        if (timeout != null) {
            OptionalDouble parsed = AdmTimeout.patience(timeout);
            if (parsed.isEmpty()) {
                err.print("-t: Invalid argument: " + timeout + "\n");
                return null;
            }
            patience = parsed.getAsDouble();
        }
        Optional<String> addresses;
        Optional<String> secretFile;
        try {
            VsmReader vsm = VsmReader.attach(Vin.workdir(name), patience, err);
            addresses = vsm.dup("Arg", "-T");
            secretFile = vsm.dup("Arg", "-S");
        } catch (VsmException e) {
            err.print(e.getMessage() + "\n");
            return null;
        }
        if (addresses.isEmpty()) {
            err.print("No -T in shared memory\n");
            return null;
        }
        for (String line : addresses.get().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            CliClient client = viaAddress(line, secretFile.orElse(null));
            if (client != null) {
                return client;
            }
        }
        return null;
    }

    private boolean handshake(CliClient client, String secretFile) {
        CliReply reply = client.greeting();
        if (reply.status() == CliStatus.AUTH) {
            if (secretFile == null) {
                err.print("Authentication required\n");
                return false;
            }
            byte[] secret;
            try {
                secret = readSecret(Path.of(secretFile));
            } catch (IOException e) {
                err.print("Cannot open \"" + secretFile + "\": " + Strerror.of(e) + "\n");
                return false;
            }
            try {
                reply = client.authenticate(secret);
            } catch (IOException e) {
                reply = new CliReply(CliStatus.COMMS, "CLI communication error (hdr)");
            }
        }
        if (!reply.isSuccess()) {
            err.print("Rejected " + reply.status() + "\n" + cString(reply.body()) + "\n");
            return false;
        }
        CliReply pong;
        try {
            pong = client.call("ping");
        } catch (IOException e) {
            pong = new CliReply(CliStatus.COMMS, "");
        }
        if (pong.status() != CliStatus.OK || !pong.body().contains("PONG")) {
            err.print("No pong received from server\n");
            return false;
        }
        return true;
    }

    /**
     * Reads the secret file. varnishadm opens it and hashes whatever read() returns, so a
     * directory counts as an empty secret.
     */
    private static byte[] readSecret(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return new byte[0];
        }
        return Files.readAllBytes(file);
    }

    /** Returns the text up to the first NUL, as C's printf("%s") prints it. */
    static String cString(String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }
}
