package vclab.repl;

import java.io.IOException;
import java.util.List;
import org.jline.terminal.Terminal;
import vclab.cli.CliClient;
import vclab.cli.Dialect;
import vclab.cli.adm.AdmOptions;
import vclab.cli.adm.AdmOutput;
import vclab.cli.adm.AdmProgram;
import vclab.cli.adm.Terminals;

/**
 * {@code vclab adm}: varnishadm's program with the REPL as its interactive mode and the
 * embedded model when neither {@code -T} nor {@code -n} is given. vclab's own options
 * ({@link VclabAdmOptions}) are taken out first; the rest is varnishadm's.
 */
public final class VclabAdm {
    private final AdmProgram.Streams streams;
    private final EmbeddedFrontEnd.TerminalSource terminals;
    private final ReplSettingsFactory settings;

    /** Makes the REPL's settings once the history file is known. */
    public interface ReplSettingsFactory {
        ReplSettings create(VclabAdmOptions options);
    }

    public VclabAdm(AdmProgram.Streams streams, EmbeddedFrontEnd.TerminalSource terminals,
            ReplSettingsFactory settings) {
        this.streams = streams;
        this.terminals = terminals;
        this.settings = settings;
    }

    /** Returns the program on the process's streams and terminal. */
    public static VclabAdm standard() {
        AdmProgram.Streams streams = new AdmProgram.Streams(System.in, System.out, System.err,
                Terminals.isStdinTerminal());
        return new VclabAdm(streams, ReplTerminals::system,
                options -> ReplSettings.standard(options.historyFile()));
    }

    /** Runs {@code vclab adm} with these arguments; returns the exit code. */
    public int run(List<String> args) throws InterruptedException {
        VclabAdmOptions vclab = VclabAdmOptions.extract(args);
        if (vclab.error() != null) {
            streams.err().print("vclab adm: " + vclab.error() + "\n");
            return 1;
        }
        AdmOptions.Parsed parsed = AdmOptions.parse(vclab.admArgs());
        AdmOptions adm = parsed.options();
        if (adm != null && (adm.address() != null || adm.name() != null)
                && vclab.configuresModel()) {
            streams.err().print("vclab adm: --model, --param, -b, -f, --dialect and"
                    + " --virtual-time set up the embedded model; they do not apply with -T"
                    + " or -n\n");
            return 1;
        }
        ReplSettings replSettings = settings.create(vclab);
        AdmProgram program = new AdmProgram(streams,
                (client, output, s) -> interactive(client, output, s, replSettings),
                new EmbeddedFrontEnd(vclab, terminals, replSettings), Dialect.V7_1);
        return program.run(vclab.admArgs());
    }

    /** The REPL over a connection that AdmProgram opened and authenticated. */
    private int interactive(CliClient client, AdmOutput output, AdmProgram.Streams s,
            ReplSettings replSettings) {
        try (Terminal terminal = terminals.open();
                RemoteChannel channel = new RemoteChannel(client)) {
            return new Repl(terminal, channel, Dialect.V7_1, replSettings, s.err()).run();
        } catch (IOException e) {
            s.err().print("vclab adm: cannot open the terminal: " + e.getMessage() + "\n");
            return 2;
        }
    }
}
