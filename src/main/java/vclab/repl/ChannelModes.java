package vclab.repl;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import vclab.cli.CliFramer;
import vclab.cli.CliProtocol;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliStatus;
import vclab.cli.Dialect;
import vclab.cli.NativeCharset;
import vclab.cli.adm.AdmOutput;

/**
 * varnishadm's one-shot and pass modes over a {@link CliChannel}, for the embedded model. The
 * output and exit codes are varnishadm's: see {@code AdmProgram} and {@code PassMode} for
 * the same modes over TCP.
 *
 * <p>Pass mode runs the requests one after another, each when the previous reply has been
 * printed, so a script reads the model in a known order. A {@code pause} injection therefore
 * holds the rest of the script for ever: the {@code debug.release} that would end it waits
 * its turn. Scripts step with {@code delay}; pauses are for the REPL.
 */
final class ChannelModes {
    private static final int CHUNK_BYTES = 1023;

    private final CliChannel channel;
    private final Dialect dialect;
    private final PrintStream err;

    ChannelModes(CliChannel channel, Dialect dialect, PrintStream err) {
        this.channel = channel;
        this.dialect = dialect;
        this.err = err;
    }

    /**
     * Sends the words joined by single spaces, as varnishadm does (no quoting), and prints
     * the reply; returns 0 for 200 and 201, else 1 after {@code Command failed with error
     * code N}.
     */
    int oneShot(List<String> words, AdmOutput output, boolean rawHeaders)
            throws InterruptedException {
        byte[] line = (String.join(" ", words) + "\n").getBytes(NativeCharset.get());
        CliFramer framer = new CliFramer(dialect);
        framer.setAuthenticated(true);
        List<CliRequest> requests = framer.feed(line, 0, line.length);
        if (requests.isEmpty()) {
            // The server would wait for the rest of the request; varnishadm's read times out.
            err.print(CliProtocol.HEADER_ERROR + "\n");
            return 2;
        }
        CliReply reply = await(requests.get(0));
        output.print(reply, false);
        if (reply.isSuccess()) {
            return 0;
        }
        if (!rawHeaders) {
            err.print("Command failed with error code " + reply.status() + "\n");
        }
        return 1;
    }

    /**
     * Copies stdin to the session request by request and prints each reply; returns 0 at
     * the end of stdin or after a 500 reply.
     */
    int pass(InputStream stdin, AdmOutput output) throws InterruptedException {
        CliFramer framer = new CliFramer(dialect);
        framer.setAuthenticated(true);
        byte[] chunk = new byte[CHUNK_BYTES];
        while (true) {
            int n;
            try {
                n = stdin.read(chunk);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                return 0;
            }
            for (CliRequest request : framer.feed(chunk, 0, n)) {
                CliReply reply = await(request);
                output.print(reply, false);
                if (reply.status() == CliStatus.CLOSE || channel.isClosed()) {
                    return 0;
                }
            }
        }
    }

    private CliReply await(CliRequest request) throws InterruptedException {
        try {
            return channel.send(request).get();
        } catch (ExecutionException e) {
            return new CliReply(CliStatus.COMMS, e.getCause().getMessage());
        }
    }
}
