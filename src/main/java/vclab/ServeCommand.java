package vclab;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vclab.cli.CliServer;
import vclab.cli.CliService;
import vclab.cli.Dialect;
import vclab.cli.Strerror;
import vclab.cli.vsm.Vin;
import vclab.cli.vsm.VsmWriter;

/**
 * {@code vclab serve}: listens on a {@code -T} address with varnishd's CLI protocol and
 * publishes the address and secret file in the work directory's VSM files, so that varnishadm
 * (the real one or {@code vclab adm}) reaches it with {@code -T} or {@code -n}. The CLI service
 * comes from a {@link ServiceFactory}; until the model provides one, the command prints that and
 * exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the CLI of a simulated varnishd on a loopback TCP address.")
public final class ServeCommand implements Callable<Integer> {

    /** Creates the CLI service that {@code vclab serve} exposes. */
    public interface ServiceFactory {
        /** Returns the service for these settings, or empty when none is available yet. */
        Optional<Backend> create(Settings settings) throws IOException;
    }

    /**
     * A service and the {@code cli_timeout} the server applies to its sessions.
     *
     * @param cliTimeout read at each wait, so that {@code param.set cli_timeout} takes effect
     */
    public record Backend(CliService service, Supplier<Duration> cliTimeout) {
    }

    /**
     * The command-line settings a service needs.
     *
     * @param secretFile the secret file the {@code auth} command reads, or null for
     *     {@code -S none}
     * @param workdir the work directory, or null without {@code -n}
     */
    public record Settings(Dialect dialect, Path secretFile, Path workdir, String address,
            List<String> varnishdArgs, String model, boolean realtime) {
    }

    @Option(names = "-T", paramLabel = "address:port", defaultValue = CliServer.DEFAULT_ADDRESS,
            description = "CLI listen address (default: ${DEFAULT-VALUE}); only loopback"
                    + " addresses unless --listen-any is given")
    String address;

    @Option(names = "-S", paramLabel = "secretfile",
            description = "secret file for CLI authentication, or 'none' to disable it;"
                    + " default: a new <workdir>/_.secret")
    String secret;

    @Option(names = "-n", paramLabel = "workdir",
            description = "work directory (a name without '/' goes under "
                    + Vin.STATE_DIRECTORY + "); the VSM files there let varnishadm -n find"
                    + " this server")
    String name;

    @Option(names = "--listen-any",
            description = "allow a -T address that is not a loopback address")
    boolean listenAny;

    @Option(names = "--dialect", paramLabel = "7.1|8.0",
            description = "Varnish release whose CLI output to reproduce (default: the"
                    + " model's, 7.1 for v7.4 and 8.0 otherwise)")
    String dialect;

    @Option(names = "-b", paramLabel = "backend",
            description = "backend address of the boot VCL, or 'none', as varnishd -b")
    String backendArg;

    @Option(names = "-f", paramLabel = "file", description = "VCL file to boot with, as"
            + " varnishd -f; -f '' starts without a VCL")
    String vclFile;

    @Option(names = "-p", paramLabel = "name=value",
            description = "set a parameter at start, as varnishd -p (repeatable)")
    List<String> parameters = new java.util.ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Varnish model: v7.4, v7.5, v7.6, v7.7, pr4205, b9a2040 or v8.0"
                    + " (default: v8.0)")
    String model;

    @Option(names = "--virtual-time",
            description = "let virtual time stand still while no command runs, instead of"
                    + " following the wall clock")
    boolean virtualTime;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final ServiceFactory factory;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private volatile CliServer server;

    /** Creates the command as {@code bin/vclab} runs it: the model behind the server. */
    public ServeCommand() {
        this(vclab.instance.ServeFactory::create);
    }

    public ServeCommand(ServiceFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Dialect parsedDialect;
        try {
            parsedDialect = dialect != null ? Dialect.parse(dialect)
                    : (model != null ? vclab.model.Models.byId(model)
                            : vclab.model.Models.defaultModel()).dialect();
        } catch (IllegalArgumentException e) {
            err.println("vclab serve: " + e.getMessage());
            return 2;
        }
        List<String> varnishdArgs = new java.util.ArrayList<>();
        if (backendArg != null) {
            varnishdArgs.addAll(List.of("-b", backendArg));
        }
        if (vclFile != null) {
            varnishdArgs.addAll(List.of("-f", vclFile));
        }
        for (String p : parameters) {
            varnishdArgs.addAll(List.of("-p", p));
        }
        Path workdir = name == null ? null : Vin.workdir(name);
        Path secretFile = resolveSecret(workdir, err);
        if (secretFile == null && !"none".equals(secret)) {
            return 2;
        }
        Settings settings = new Settings(parsedDialect, secretFile, workdir, address,
                varnishdArgs, model, !virtualTime);
        Optional<Backend> backend;
        try {
            backend = factory.create(settings);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (backend.isEmpty()) {
            err.println("vclab serve: the varnishd model is not available yet, so there is no"
                    + " CLI service to serve");
            return 1;
        }
        return serve(settings, backend.get(), err);
    }

    /**
     * Checks {@code -S} as varnishd does, or picks {@code <workdir>/_.secret} when it is
     * absent. Returns null for {@code -S none} and after printing an error.
     */
    private Path resolveSecret(Path workdir, PrintWriter err) {
        if ("none".equals(secret)) {
            err.println("Warning: CLI authentication disabled.");
            return null;
        }
        if (secret == null) {
            if (workdir == null) {
                err.println("vclab serve: give -S secretfile, -S none or -n workdir");
                return null;
            }
            return workdir.resolve("_.secret");
        }
        Path file = Path.of(secret);
        try {
            if (Files.readAllBytes(file).length == 0) {
                err.println("Empty secret-file \"" + secret + "\"");
                return null;
            }
        } catch (IOException e) {
            err.println("Cannot open -S file (" + secret + "): " + Strerror.of(e));
            return null;
        }
        return file.toAbsolutePath();
    }

    private int serve(Settings settings, Backend backend, PrintWriter err)
            throws IOException, InterruptedException {
        boolean madeSecret = secret == null;
        if (madeSecret) {
            Files.createDirectories(settings.workdir());
            writeRandomSecret(settings.secretFile());
        }
        CliServer.Options options = CliServer.Options.defaults().withAddress(address)
                .withListenAny(listenAny).withDialect(settings.dialect())
                .withCliTimeout(backend.cliTimeout());
        VsmWriter vsm = null;
        Thread hook = new Thread(this::stopAndWait, "vclab-serve-shutdown");
        try {
            server = CliServer.start(backend.service(), options);
            if (settings.workdir() != null) {
                vsm = publish(settings);
            }
            Runtime.getRuntime().addShutdownHook(hook);
            started.countDown();
            stopRequested.await();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            // Errors that varnishd also reports come in its own words, already prefixed.
            String message = e.getMessage();
            err.println(message.startsWith("Error: ") ? message : "vclab serve: " + message);
            return 2;
        } finally {
            removeHook(hook);
            if (vsm != null) {
                vsm.close();
            }
            if (server != null) {
                server.close();
            }
            if (madeSecret) {
                Files.deleteIfExists(settings.secretFile());
            }
            started.countDown();
            cleanedUp.countDown();
        }
    }

    /** Runs at JVM exit (SIGTERM, ^C): lets serve() remove its files before the JVM halts. */
    private void stopAndWait() {
        stop();
        try {
            cleanedUp.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private VsmWriter publish(Settings settings) throws IOException {
        VsmWriter vsm = VsmWriter.create(settings.workdir());
        try {
            vsm.publishArg("-i", InetAddress.getLocalHost().getHostName());
            vsm.publishArg("-T", server.vsmAddressLines());
            if (settings.secretFile() != null) {
                vsm.publishArg("-S", settings.secretFile().toString());
            }
        } catch (IOException e) {
            vsm.close();
            throw e;
        }
        return vsm;
    }

    /** Writes 256 random bytes, readable by the owner and group only, as varnishd does. */
    private static void writeRandomSecret(Path file) throws IOException {
        byte[] bytes = new byte[256];
        new SecureRandom().nextBytes(bytes);
        Files.write(file, bytes);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions stay
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down, or the hook was never added
        }
    }

    /** Asks a running {@code serve} to close its server and VSM files and return. */
    public void stop() {
        stopRequested.countDown();
    }

    /**
     * Waits until the server listens (or the command ended) and returns it; empty when the
     * command ended without serving.
     */
    public Optional<CliServer> awaitServing() throws InterruptedException {
        started.await();
        return stopRequested.getCount() == 0 ? Optional.empty() : Optional.ofNullable(server);
    }
}
