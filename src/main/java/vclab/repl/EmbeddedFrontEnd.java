package vclab.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.jline.terminal.Terminal;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliTokenizer;
import vclab.cli.Dialect;
import vclab.cli.adm.AdmOptions;
import vclab.cli.adm.AdmOutput;
import vclab.cli.adm.AdmProgram;
import vclab.cli.adm.AdmTimeout;
import vclab.instance.InstanceException;
import vclab.instance.InstanceOptions;
import vclab.instance.ModelHost;
import vclab.model.Models;
import vclab.vcl.VclModel;
import vclab.vrt.PokeOutcome;

/**
 * {@code vclab adm} without {@code -T} or {@code -n}: a simulated varnishd in this process,
 * started as {@code varnishd -b none} unless {@code -b} or {@code -f} gives another VCL, and
 * driven in varnishadm's three modes (one-shot, pass, interactive) with varnishadm's output
 * and exit codes. The session is pre-authenticated, as on {@code varnishd -d}'s terminal.
 *
 * <p>{@code -t} is checked as varnishadm checks it and has no other effect: the replies come
 * from this process, so there is no I/O to bound.
 */
public final class EmbeddedFrontEnd implements AdmProgram.EmbeddedModel {
    private final VclabAdmOptions vclab;
    private final TerminalSource terminals;
    private final ReplSettings settings;

    /** Opens the terminal of the interactive mode. */
    public interface TerminalSource {
        Terminal open() throws IOException;
    }

    public EmbeddedFrontEnd(VclabAdmOptions vclab, TerminalSource terminals,
            ReplSettings settings) {
        this.vclab = vclab;
        this.terminals = terminals;
        this.settings = settings;
    }

    @Override
    public int run(AdmOptions options, AdmProgram.Streams streams) {
        if (options.timeout() != null && AdmTimeout.seconds(options.timeout()).isEmpty()) {
            streams.err().print("-t: Invalid argument: " + options.timeout());
            streams.err().flush();
            return 2;
        }
        ModelHost host;
        try {
            host = ModelHost.start(instanceOptions(), !vclab.virtualTime());
        } catch (InstanceException | IllegalArgumentException e) {
            streams.err().print(e.getMessage() + "\n");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        try (host; EmbeddedChannel channel = new EmbeddedChannel(host.instance())) {
            if (!bootVclLoaded(channel)) {
                streams.err().print("vclab adm: the boot VCL of " + bootDescription()
                        + " was not loaded (see the warning above), so the model has no VCL"
                        + " and no child; -f '' starts it without a VCL on purpose\n");
                return 2;
            }
            return session(channel, host.instance().dialect(), options, streams);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int session(EmbeddedChannel channel, Dialect dialect, AdmOptions options,
            AdmProgram.Streams streams) throws InterruptedException {
        AdmOutput output = new AdmOutput(streams.out(), options.rawHeaders());
        ChannelModes modes = new ChannelModes(channel, dialect, streams.err());
        if (!options.command().isEmpty()) {
            return modes.oneShot(options.command(), output, options.rawHeaders());
        }
        if (!streams.stdinIsTerminal() || options.rawHeaders()) {
            return modes.pass(streams.in(), output);
        }
        try (Terminal terminal = terminals.open()) {
            return new Repl(terminal, channel, dialect, settings, streams.err()).run();
        } catch (IOException e) {
            streams.err().print("vclab adm: cannot open the terminal: " + e.getMessage() + "\n");
            return 2;
        }
    }

    /** varnishd's command line for the model: the boot VCL and the parameters. */
    List<String> varnishdArgs() {
        List<String> argv = new ArrayList<>();
        if (vclab.vclFile() != null) {
            argv.addAll(List.of("-f", vclab.vclFile()));
        }
        if (vclab.backend() != null || vclab.vclFile() == null) {
            argv.addAll(List.of("-b", vclab.backend() != null ? vclab.backend() : "none"));
        }
        for (String param : vclab.params()) {
            argv.addAll(List.of("-p", param));
        }
        return argv;
    }

    private InstanceOptions instanceOptions() {
        VclModel model = vclab.model() != null ? Models.byId(vclab.model())
                : Models.defaultModel();
        Dialect dialect = vclab.dialect() != null ? Dialect.parse(vclab.dialect()) : null;
        return new InstanceOptions("adm", varnishdArgs(), model, dialect,
                (host, port, path) -> PokeOutcome.REFUSED_NOW, false,
                Path.of("").toAbsolutePath(), System.nanoTime());
    }

    private boolean bootsVcl() {
        return vclab.vclFile() == null || !vclab.vclFile().isEmpty() || vclab.backend() != null;
    }

    private String bootDescription() {
        return vclab.vclFile() != null && !vclab.vclFile().isEmpty() ? "-f " + vclab.vclFile()
                : "-b " + (vclab.backend() != null ? vclab.backend() : "none");
    }

    /**
     * Returns whether the boot VCL that {@code -b} or {@code -f} asked for is loaded. The
     * instance only logs a failed boot compile, where varnishd would exit, so an empty
     * {@code vcl.list} is the sign here.
     */
    private boolean bootVclLoaded(EmbeddedChannel channel) throws InterruptedException {
        if (!bootsVcl()) {
            return true;
        }
        CliTokenizer.Result words = CliTokenizer.tokenize("vcl.list", Dialect.V7_1);
        try {
            CliReply reply = channel.send(new CliRequest(words.words(), null, "vcl.list"))
                    .get();
            return !reply.isSuccess() || !reply.body().isEmpty();
        } catch (ExecutionException e) {
            return true;
        }
    }
}
