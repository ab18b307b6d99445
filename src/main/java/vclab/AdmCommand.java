package vclab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vclab.cli.adm.AdmProgram;

/**
 * {@code vclab adm}: a varnishadm-compatible client. picocli hands every argument through
 * untouched (options, {@code --} and all), and {@link AdmProgram} parses them as varnishadm's
 * getopt does.
 *
 * <p>TODO: picocli replaces an argument {@code @file} by the file's lines when the file exists,
 * before adm sees it; Main must call {@code setExpandAtFiles(false)} to pass it unchanged.
 */
@Command(name = "adm", modelTransformer = AdmCommand.RawArguments.class,
        customSynopsis = "vclab adm [-h] [-n workdir] [-p] [-S secretfile] [-T [address]:port]"
                + " [-t timeout] [command [...]]",
        description = {"Talk to a varnishd or a vclab server over the CLI, as varnishadm does.",
            "  -n workdir  find the server through the VSM files of this work directory",
            "  -p          pass mode, printing each reply's status and length line",
            "  -S file     secret file for authentication (with -T)",
            "  -T address  CLI address, host:port",
            "  -t seconds  timeout of each wait for the server (default 5)",
            "With a command, send it and print the reply; otherwise copy stdin to the server."})
public final class AdmCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "varnishadm's arguments")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        return AdmProgram.standard().run(args);
    }

    /**
     * Makes picocli pass options through as plain arguments and keep {@code --}, so that
     * {@link AdmProgram} gets exactly the arguments varnishadm would.
     */
    static final class RawArguments implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            spec.parser().unmatchedOptionsArePositionalParams(true);
            // A NUL never occurs in a command-line argument, so "--" stays an argument.
            spec.parser().endOfOptionsDelimiter("\0");
            return spec;
        }
    }
}
