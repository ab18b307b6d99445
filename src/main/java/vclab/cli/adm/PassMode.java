package vclab.cli.adm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import vclab.cli.CliClient;
import vclab.cli.CliFramer;
import vclab.cli.CliProtocol;
import vclab.cli.CliReply;
import vclab.cli.CliStatus;
import vclab.cli.Dialect;

/**
 * varnishadm's pass mode: stdin goes to the CLI socket unchanged, in chunks of up to 1023
 * bytes, and every reply is printed as it arrives. The exit code is 0 whatever the reply
 * statuses are.
 *
 * <p>Two 7.1 defects are not reproduced. At end of input 7.1 prints one more reply and exits,
 * so with several commands still unanswered it drops all replies but the first; here every
 * reply owed is printed. To know how many are owed, the bytes sent go through a
 * {@link CliFramer} as the server would cut them (blank lines and a last line without LF get
 * no reply). And when the connection breaks without a closing 500 reply, 7.1 exits 0 with no
 * message, where this prints {@code CLI communication error (hdr)} and exits 2, as trunk does.
 */
final class PassMode {
    private static final int CHUNK_BYTES = 1023;

    private final CliClient client;
    private final InputStream stdin;
    private final AdmOutput output;
    private final PrintStream err;
    private final Dialect dialect;
    private final Object lock = new Object();

    /** Replies owed for requests already sent. Guarded by lock. */
    private int outstanding;
    /** Whether stdin has ended (or failed). Guarded by lock. */
    private boolean inputDone;
    /** Whether the stdin thread closed the client because nothing was owed. Guarded by lock. */
    private boolean closedByUs;

    PassMode(CliClient client, InputStream stdin, AdmOutput output, PrintStream err,
            Dialect dialect) {
        this.client = client;
        this.stdin = stdin;
        this.output = output;
        this.err = err;
        this.dialect = dialect;
    }

    /** Runs until stdin ends and every reply owed is printed; returns the exit code. */
    int run() {
        Thread copier = new Thread(this::copyInput, "vclab-adm-stdin");
        copier.setDaemon(true);
        copier.start();

        int lastStatus = 0;
        while (true) {
            synchronized (lock) {
                if (inputDone && outstanding == 0) {
                    return 0;
                }
            }
            CliReply reply;
            boolean broken;
            try {
                reply = client.awaitReply();
                broken = client.isBroken();
            } catch (IOException e) {
                reply = new CliReply(CliStatus.COMMS, CliProtocol.HEADER_ERROR);
                broken = true;
            }
            if (broken) {
                return brokenConnection(reply, lastStatus);
            }
            output.print(reply, false);
            lastStatus = reply.status();
            synchronized (lock) {
                outstanding = Math.max(0, outstanding - 1);
            }
        }
    }

    private int brokenConnection(CliReply reply, int lastStatus) {
        synchronized (lock) {
            if (closedByUs) {
                return 0;
            }
        }
        if (lastStatus == CliStatus.CLOSE) {
            // The server announced the close; 7.1 ends with exit code 0 here too.
            return 0;
        }
        err.print(reply.body() + "\n");
        return 2;
    }

    /** Copies stdin to the socket, counting the requests each chunk completes. */
    private void copyInput() {
        CliFramer framer = new CliFramer(dialect, Integer.MAX_VALUE - 8);
        framer.setAuthenticated(true);
        byte[] chunk = new byte[CHUNK_BYTES];
        while (true) {
            int n;
            try {
                n = stdin.read(chunk);
            } catch (IOException e) {
                n = -1;
            }
            if (n <= 0) {
                endOfInput();
                return;
            }
            int requests = framer.feed(chunk, 0, n).size();
            synchronized (lock) {
                outstanding += requests;
            }
            try {
                client.send(Arrays.copyOf(chunk, n));
            } catch (IOException e) {
                // The server went away; the reply loop then reads from a broken connection.
                synchronized (lock) {
                    inputDone = true;
                }
                return;
            }
        }
    }

    private void endOfInput() {
        synchronized (lock) {
            inputDone = true;
            if (outstanding == 0) {
                closedByUs = true;
                client.close();
            }
        }
    }
}
