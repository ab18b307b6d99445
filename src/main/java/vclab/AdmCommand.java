package vclab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vclab.repl.VclabAdm;

/**
 * {@code vclab adm}: a varnishadm-compatible client, with a JLine REPL as its interactive
 * mode and a simulated varnishd in this process when neither {@code -T} nor {@code -n} is
 * given. picocli hands every argument through untouched (options, {@code --} and all), and
 * {@link VclabAdm} takes out vclab's own options and parses the rest as varnishadm's getopt
 * does.
 */
/*
 * The help text is laid out by hand: picocli wraps a description line longer than the usage
 * width (80 columns) to column 0, so every line here stays shorter than that.
 */
@Command(name = "adm", modelTransformer = AdmCommand.RawArguments.class,
        customSynopsis = {"vclab adm [vclab options] [-h] [-n workdir] [-p] [-S secretfile]",
            "                 [-T [address]:port] [-t timeout] [command [...]]"},
        description = {
            "Talk to a varnishd or a vclab server over the CLI, as varnishadm does;",
            "without -T or -n, to a simulated varnishd in this process.",
            "  -n workdir  find the server through the VSM files of this work directory",
            "  -p          pass mode, printing each reply's status and length line",
            "  -S file     secret file for authentication (with -T)",
            "  -T address  CLI address, host:port",
            "  -t seconds  timeout of each wait for the server (default 5)",
            "With a command, send it and print the reply; with a terminal on stdin, start",
            "the REPL; otherwise copy stdin to the server.",
            "vclab options, before the command words:",
            "  --model M            Varnish model of the simulated varnishd (default v8.0)",
            "  --param NAME=VALUE   set a parameter at start, as varnishd -p (repeatable)",
            "  -b, --backend ADDR   backend of the boot VCL, as varnishd -b (default none)",
            "  -f, --vcl-file FILE  boot VCL file, as varnishd -f; -f '' boots without a VCL",
            "  --dialect 7.1|8.0    Varnish release whose CLI output to reproduce",
            "  --virtual-time       virtual time stands still between commands instead of",
            "                       following the wall clock; a command's delays run at once",
            "  --history FILE       REPL history (default ~/.vclab_history; '' for none)",
            "  --help               print this help"})
public final class AdmCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "ARG", description = "varnishadm's arguments")
    List<String> args = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (args.size() == 1 && args.get(0).equals("--help")) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        return VclabAdm.standard().run(args);
    }

    /**
     * Makes picocli pass options through as plain arguments and keep {@code --}, so that
     * {@link VclabAdm} gets exactly the arguments varnishadm would.
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
