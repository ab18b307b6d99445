package vclab;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vclab} launcher: one entry point with a subcommand per way of driving the model.
 */
@Command(name = "vclab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Varnish's VCL subsystem in Java: replay VTC scripts, drive it over the CLI,"
                + " explore interleavings.",
        subcommands = {CommandLine.HelpCommand.class, TestCommand.class, AdmCommand.class,
            ServeCommand.class, ExploreCommand.class})
public final class Main implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs {@code vclab} without a subcommand: prints the usage and fails, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        Logging.installManager();
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without calling System.exit. */
    public static int execute(String... args) {
        boolean serve = args.length > 0 && args[0].equals("serve");
        Logging.configure(serve ? java.util.logging.Level.INFO
                : java.util.logging.Level.WARNING);
        CommandLine cl = new CommandLine(new Main());
        // Arguments such as "@file" are passed on as they are, as varnishadm would see them.
        cl.setExpandAtFiles(false);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("vclab: internal error: " + ex);
            return 70;
        });
        return cl.execute(args);
    }

    /** Prints the version of vclab and the JVM's thread kind. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vclab 0.1.0 (Java " + Runtime.version() + ")"};
        }
    }
}
