package vclab.cli.adm;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import vclab.cli.CliClient;
import vclab.cli.CliReply;
import vclab.cli.Dialect;
import vclab.cli.NativeCharset;

/**
 * A varnishadm-compatible client: the options, messages, modes and exit codes of varnishadm
 * 7.1 (Debian's 7.1.1). Comments mark where trunk differs.
 *
 * <p>Where 7.1 has a plain defect this program does what trunk does, or what 7.1 meant:
 * a one-shot reply that cannot be read prints the read error and exits 2 (7.1 exits 0 with no
 * message), and pass mode prints every reply owed at end of input (see {@link PassMode}).
 *
 * <p>Two ways of running are front ends behind an interface, which {@code vclab.repl.VclabAdm}
 * supplies: the interactive mode (stdin is a terminal and no command was given) and running
 * against an embedded model when neither {@code -T} nor {@code -n} is given. varnishadm would
 * look for the default instance in that case.
 */
public final class AdmProgram {
    /** The name in usage text and getopt messages; scripts compare them with varnishadm's. */
    public static final String PROGRAM = "varnishadm";

    /** Returns the usage text; trunk says {@code [-n workdir]} where 7.1 says {@code ident}. */
    static String usage(Dialect dialect) {
        String name = dialect == Dialect.V7_1 ? "ident" : "workdir";
        return "Usage: " + PROGRAM + " [-h] [-n " + name + "] [-p] [-S secretfile]"
                + " [-T [address]:port] [-t timeout] [command [...]]\n"
                + "\t-n is mutually exclusive with -S and -T\n";
    }

    /** The interactive mode, run on an open session when stdin is a terminal. */
    public interface InteractiveFrontEnd {
        /** Runs the session until the user ends it; returns the exit code. */
        int run(CliClient client, AdmOutput output, Streams streams);
    }

    /** The embedded model, run when neither {@code -T} nor {@code -n} is given. */
    public interface EmbeddedModel {
        /** Runs the command (or the interactive or pass mode) in-process; returns the exit code. */
        int run(AdmOptions options, Streams streams);
    }

    /**
     * The process's standard streams.
     *
     * @param stdinIsTerminal whether stdin is a terminal (chooses interactive over pass mode)
     */
    public record Streams(InputStream in, PrintStream out, PrintStream err,
            boolean stdinIsTerminal) {
    }

    private final Streams streams;
    private final InteractiveFrontEnd interactive;
    private final EmbeddedModel embedded;
    private final Dialect dialect;

    public AdmProgram(Streams streams, InteractiveFrontEnd interactive, EmbeddedModel embedded,
            Dialect dialect) {
        this.streams = streams;
        this.interactive = interactive;
        this.embedded = embedded;
        this.dialect = dialect;
    }

    /** Returns a program on System's streams whose two front ends print "not available yet". */
    public static AdmProgram standard() {
        Streams streams = new Streams(System.in, System.out, System.err,
                Terminals.isStdinTerminal());
        return new AdmProgram(streams, AdmProgram::interactiveUnavailable,
                AdmProgram::embeddedUnavailable, Dialect.V7_1);
    }

    static int interactiveUnavailable(CliClient client, AdmOutput output, Streams streams) {
        streams.err().print("vclab adm: the interactive mode (stdin is a terminal) is not"
                + " available yet; give a command, or pipe commands into stdin\n");
        client.close();
        return 2;
    }

    static int embeddedUnavailable(AdmOptions options, Streams streams) {
        streams.err().print("vclab adm: no -T or -n given, and running against an embedded"
                + " model is not available yet; give -T address:port or -n workdir\n");
        return 2;
    }

    /** Runs varnishadm with these arguments (without the program name); returns the exit code. */
    public int run(List<String> args) throws InterruptedException {
        if (args.size() == 1 && args.get(0).equals("--optstring")) {
            streams.out().print(AdmOptions.OPTSTRING + "\n");
            streams.out().flush();
            return 0;
        }
        AdmOptions.Parsed parsed = AdmOptions.parse(args);
        if (parsed.options() == null) {
            return usage(parsed.diagnostic(), parsed.exitCode());
        }
        AdmOptions options = parsed.options();
        if (options.address() != null ? options.name() != null : options.secretFile() != null) {
            return usage(null, 1);
        }
        if (options.address() == null && options.name() == null) {
            return embedded.run(options, streams);
        }

        AdmConnector connector = new AdmConnector(streams.err());
        CliClient client = options.address() != null
                ? connector.viaAddress(options.address(), options.secretFile())
                : connector.viaWorkdir(options.name(), options.timeout());
        if (client == null) {
            return 2;
        }
        try {
            return session(client, options);
        } finally {
            client.close();
        }
    }

    private int usage(String diagnostic, int exitCode) {
        if (diagnostic != null) {
            streams.err().print(PROGRAM + ": " + diagnostic + "\n");
        }
        streams.err().print(usage(dialect));
        streams.err().flush();
        return exitCode;
    }

    private int session(CliClient client, AdmOptions options) {
        if (options.timeout() != null) {
            OptionalDouble seconds = AdmTimeout.seconds(options.timeout());
            if (seconds.isEmpty()) {
                // 7.1 checks -t only after connecting, and prints no newline here.
                streams.err().print("-t: Invalid argument: " + options.timeout());
                streams.err().flush();
                return 2;
            }
            try {
                client.setReadTimeout(readTimeout(seconds.getAsDouble()));
            } catch (IOException e) {
                streams.err().print("CLI communication error (hdr)\n");
                return 2;
            }
        }
        AdmOutput output = new AdmOutput(streams.out(), options.rawHeaders());
        if (!options.command().isEmpty()) {
            return oneShot(client, options, output);
        }
        if (streams.stdinIsTerminal() && !options.rawHeaders()) {
            return interactive.run(client, output, streams);
        }
        return new PassMode(client, streams.in(), output, streams.err(), dialect).run();
    }

    /** 7.1 waits for ever with {@code -t 0}; trunk does not wait at all. */
    private Duration readTimeout(double seconds) {
        if (seconds == 0) {
            return dialect == Dialect.V7_1 ? null : Duration.ofNanos(1);
        }
        return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, seconds * 1e9));
    }

    /** Sends the words joined by single spaces, with no quoting, and prints the one reply. */
    private int oneShot(CliClient client, AdmOptions options, AdmOutput output) {
        String line = String.join(" ", options.command()) + "\n";
        try {
            client.send(line.getBytes(NativeCharset.get()));
        } catch (IOException e) {
            streams.err().print("Write error CLI socket: " + e.getMessage() + "\n");
            return 1;
        }
        CliReply reply = client.readReply();
        if (client.isBroken()) {
            // 7.1 exits 0 with no message here; trunk prints the error and exits 2.
            streams.err().print(reply.body() + "\n");
            return 2;
        }
        output.print(reply, false);
        if (reply.isSuccess()) {
            return 0;
        }
        if (!options.rawHeaders()) {
            streams.err().print("Command failed with error code " + reply.status() + "\n");
        }
        return 1;
    }
}
