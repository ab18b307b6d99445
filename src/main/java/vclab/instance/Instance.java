package vclab.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import vclab.cli.CliBanner;
import vclab.cli.CliBuiltins;
import vclab.cli.CliCall;
import vclab.cli.CliCommandTable;
import vclab.cli.CliDispatcher;
import vclab.cli.CliFramer;
import vclab.cli.CliHost;
import vclab.cli.CliQuote;
import vclab.cli.CliReply;
import vclab.cli.CliRequest;
import vclab.cli.CliServer;
import vclab.cli.CliService;
import vclab.cli.CliSession;
import vclab.cli.CliTokenizer;
import vclab.cli.Dialect;
import vclab.cli.ParamCommands;
import vclab.cli.ParamStore;
import vclab.cli.vsm.VsmWriter;
import vclab.sched.Scheduler;
import vclab.vcl.Child;
import vclab.vcl.CliSupport;
import vclab.vcl.Reply;
import vclab.vcl.Varnishd;

/**
 * One simulated varnishd with its CLI: the parameter store, the manager's and the child's
 * command dispatchers, authentication, and optionally a loopback CLI listener and the work
 * directory files through which varnishadm finds it. The VTC runner, the REPL and
 * {@code vclab serve} all reach the model through {@link #send} or {@link #execute}.
 */
public final class Instance implements CliService, CliSupport {
    private static final System.Logger LOG = System.getLogger(Instance.class.getName());
    /** How many start-up parameter sets {@link #startupParams} keeps. */
    private static final int MAX_STARTUP_PARAMS = 256;

    /** The line varnishd 7.1.1 adds after most of its command-line errors. */
    private static final String USAGE_HINT = "\n(-? gives usage)";
    /** Start-up parameter sets by dialect and options; see {@link #startupParams}. */
    private static final Map<String, StartupParams> STARTUP_PARAMS = new ConcurrentHashMap<>();

    /** The parameters after the start-up options, and the error that stopped them, if any. */
    private record StartupParams(ParamStore params, List<String> errors) {
    }

    private final Scheduler scheduler;
    private final InstanceOptions options;
    private final Dialect dialect;
    private final ParamStore params;
    private final Stevedores stevedores;
    private final Varnishd vd;
    private final CliDispatcher mgtDispatcher;
    /** Answers ping on connection threads while no request is in the simulation. */
    private final CliDispatcher pingDispatcher;
    private final java.util.concurrent.atomic.AtomicInteger inFlight =
            new java.util.concurrent.atomic.AtomicInteger();
    private final CliBuiltins builtins;
    private final Map<Integer, CliDispatcher> workerDispatchers = new HashMap<>();
    private final Random random;
    private final byte[] secret;
    private final Path workdir;
    private final Path secretFile;
    private final List<String> startupErrors = new ArrayList<>();
    private CliServer server;
    private VsmWriter vsm;
    private final VclabCommands vclabCommands;
    private final List<java.net.ServerSocket> listenSockets = new ArrayList<>();

    private Instance(Scheduler scheduler, InstanceOptions options, VarnishdArgs args) {
        this.scheduler = scheduler;
        this.options = options;
        this.dialect = options.dialect() != null ? options.dialect() : options.model().dialect();
        this.random = new Random(options.seed());
        this.stevedores = Stevedores.configure(args.all('s'));
        if (stevedores.error() != null) {
            startupErrors.add("Error: " + stevedores.error() + "\n(-? gives usage)");
        }
        StartupParams startup = startupParams(dialect, stevedores.idents(), args);
        this.params = startup.params().copy();
        startupErrors.addAll(startup.errors());
        String n = args.last('n');
        this.workdir = n == null ? null : options.pwd().resolve(n);
        String s = args.last('S');
        this.secretFile = s != null ? options.pwd().resolve(s)
                : workdir == null ? null : workdir.resolve("_.secret");
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        this.secret = toHex(secretBytes).concat("\n").getBytes(StandardCharsets.US_ASCII);

        Varnishd.Config c = new Varnishd.Config();
        c.name = options.name();
        c.model = options.model();
        c.dialect = dialect;
        c.params = new ParamsAdapter(params);
        c.compiler = new VccCompiler(options.pwd(), dialect, params, stevedores.idents());
        c.pokeOracle = options.pokeOracle();
        List<String> argv = new ArrayList<>();
        argv.add("varnishd");
        argv.addAll(options.argv());
        c.argv = argv;
        c.masterPid = (int) (ProcessHandle.current().pid() & 0x3fffff);
        c.listenAddress = listenAddressFor(args, options.external());
        c.cliSupport = this;
        String startupChoices = "-junix," + stevedores.platformChoices() + ",-hcritbit";
        c.platformChoices = startupChoices;
        this.vd = new Varnishd(scheduler, c);
        // An -S file is read at every auth, as varnishd reads it. Without -S, an instance that
        // publishes nothing (under the explorer) has no secret file, so auth reads the secret
        // from memory.
        boolean secretFromFile = args.last('S') != null || options.external();
        var release = vd.model().release();
        CliBanner banner = CliBanner.forThisMachine(dialect, startupChoices)
                .withRelease("varnish-" + release.version() + " revision " + release.revision());
        this.builtins = secretFile == null ? new CliBuiltins(banner, (Path) null)
                : secretFromFile ? new CliBuiltins(banner, secretFile)
                : new CliBuiltins(banner, () -> secret.clone());
        this.mgtDispatcher = new CliDispatcher(CliCommandTable.manager(dialect), mgtHost());
        this.pingDispatcher = new CliDispatcher(CliCommandTable.manager(dialect),
                outsideHost());
        pingDispatcher.register("ping", CliBuiltins::ping);
        builtins.registerManager(mgtDispatcher);
        new ParamCommands(params).register(mgtDispatcher);
        new MgtHandlers(this).register(mgtDispatcher);
        this.vclabCommands = new VclabCommands(this);
        vclabCommands.register(mgtDispatcher);
    }

    /**
     * Starts a simulated varnishd: parses its command line, starts the manager thread and,
     * unless {@code -d} was given, the child. Call from a simulated thread.
     *
     * @throws InstanceException with varnishd's start-up error when the command line is bad
     */
    public static Instance launch(Scheduler scheduler, InstanceOptions options)
            throws InstanceException {
        VarnishdArgs args = VarnishdArgs.parse(options.argv());
        if (args.error != null) {
            String hint = args.error.startsWith("Too many arguments") ? USAGE_HINT : "";
            throw new InstanceException("Error: " + args.error + hint, 2);
        }
        if (args.has('b') && args.has('f')) {
            throw new InstanceException("Error: Only one of -b or -f can be specified"
                    + USAGE_HINT, 2);
        }
        if (args.has('d') && args.has('F')) {
            throw new InstanceException("Error: Only one of -d or -F can be specified"
                    + USAGE_HINT, 2);
        }
        if (!args.has('b') && !args.has('f') && !args.has('d')) {
            throw new InstanceException("Error: Neither -b nor -f given. (use -f '' to override)"
                    + USAGE_HINT, 2);
        }
        Instance inst = new Instance(scheduler, options, args);
        if (!inst.startupErrors.isEmpty()) {
            throw new InstanceException(String.join("\n", inst.startupErrors), 2);
        }
        inst.vd.start();
        if (options.external()) {
            inst.openEndpoints(args);
        }
        inst.bootVcl(args);
        return inst;
    }

    /**
     * Returns the parameters as the {@code -p} and {@code -r} options leave them, and the
     * error that stopped them, if any. The result is computed once per dialect and options:
     * the stores it contains are only copied, never changed.
     */
    private static StartupParams startupParams(Dialect dialect, List<String> storageNames,
            VarnishdArgs args) {
        String key = dialect + "\n" + storageNames + "\n" + String.join("\n", args.all('p'))
                + "\n-r\n" + String.join("\n", args.all('r'));
        StartupParams cached = STARTUP_PARAMS.get(key);
        if (cached != null) {
            return cached;
        }
        StartupParams computed = applyParams(new ParamStore(dialect, storageNames), args);
        if (STARTUP_PARAMS.size() >= MAX_STARTUP_PARAMS) {
            STARTUP_PARAMS.clear();
        }
        STARTUP_PARAMS.put(key, computed);
        return computed;
    }

    private static StartupParams applyParams(ParamStore params, VarnishdArgs args) {
        for (String p : args.all('p')) {
            ParamStore.StartupResult r = params.startupParam(p);
            if (!r.ok()) {
                return new StartupParams(params, List.of(r.stderr().stripTrailing()));
            }
        }
        for (String r : args.all('r')) {
            ParamStore.StartupResult res = params.startupProtect(r);
            if (!res.ok()) {
                return new StartupParams(params, List.of(res.stderr().stripTrailing()));
            }
        }
        return new StartupParams(params, List.of());
    }

    private void bootVcl(VarnishdArgs args) {
        String b = args.last('b');
        String f = args.last('f');
        if (b == null && (f == null || f.isEmpty())) {
            return;
        }
        String source = b != null
                ? "vcl 4.1;\nbackend default " + (b.equals("none") ? "none;\n"
                        : "{\n    .host = \"" + b + "\";\n}\n")
                : null;
        String name = b != null ? "<-b argument>" : f;
        Reply r = vd.call(m -> {
            Reply load = m.vcls().load("boot", name, source, null);
            return load.isOk() ? m.vcls().use("boot") : load;
        });
        if (!r.isOk()) {
            LOG.log(System.Logger.Level.WARNING, "boot VCL failed: {0}", r.body());
        }
        if (!args.has('d')) {
            vd.call(m -> m.start());
        }
    }

    /**
     * The first {@code -a} socket as "address port". Published instances bind a real
     * loopback port, held until the JVM exits, so that the port is unique; sealed ones make
     * one up.
     */
    private String listenAddressFor(VarnishdArgs args, boolean external) {
        String a = args.all('a').isEmpty() ? "127.0.0.1:0" : args.all('a').get(0);
        int comma = a.indexOf(',');
        if (comma >= 0) {
            a = a.substring(0, comma);
        }
        int eq = a.indexOf('=');
        if (eq >= 0 && a.indexOf(':') > eq) {
            a = a.substring(eq + 1);
        }
        if (a.startsWith("/")) {
            return a + " -";
        }
        int colon = a.lastIndexOf(':');
        String host = colon < 0 ? a : a.substring(0, colon);
        String port = colon < 0 ? "80" : a.substring(colon + 1);
        if (host.isEmpty() || host.equals("localhost")) {
            host = "127.0.0.1";
        }
        if (port.equals("0")) {
            if (external) {
                try {
                    java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
                            java.net.InetAddress.getByName("127.0.0.1"));
                    listenSockets.add(s);
                    port = String.valueOf(s.getLocalPort());
                } catch (IOException e) {
                    port = "0";
                }
            } else {
                port = String.valueOf(20000 + (Math.abs(options.name().hashCode()) % 20000));
            }
        }
        return host + " " + port;
    }

    // ---------------------------------------------------------------- external endpoints

    private void openEndpoints(VarnishdArgs args) {
        try {
            if (workdir != null) {
                Files.createDirectories(workdir);
            }
            if (secretFile != null && args.last('S') == null) {
                Files.write(secretFile, secret);
            }
            String t = args.last('T');
            String address = t == null ? "127.0.0.1:0" : t.replace(' ', ':');
            server = CliServer.start(this, CliServer.Options.defaults().withAddress(address)
                    .withDialect(dialect).withCliTimeout(() -> java.time.Duration.ofNanos(
                            params.durationNanos("cli_timeout"))));
            if (workdir != null) {
                vsm = VsmWriter.create(workdir);
                vsm.publishArg("-T", server.vsmAddressLines());
                if (secretFile != null) {
                    vsm.publishArg("-S", secretFile.toString());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot publish instance {0}: {1}",
                    options.name(), e.toString());
        }
    }

    // ---------------------------------------------------------------- the CLI

    /** The secret the instance authenticates with (the content of its secret file). */
    public byte[] secret() {
        if (secretFile != null && Files.isRegularFile(secretFile)) {
            try {
                return Files.readAllBytes(secretFile);
            } catch (IOException e) {
                return secret;
            }
        }
        return secret;
    }

    @Override
    public CliReply greet(CliSession session) {
        return builtins.greeting(session, random, mgtDispatcher.host());
    }

    /**
     * Frames {@code text} as if written to the CLI socket followed by a newline, and runs each
     * request on the manager thread. Call from a simulated thread.
     */
    public List<CliReply> send(CliSession session, String text) {
        CliFramer framer = new CliFramer(dialect);
        framer.setAuthenticated(session.isAuthenticated());
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.ISO_8859_1);
        List<CliReply> replies = new ArrayList<>();
        int offset = 0;
        while (offset < bytes.length) {
            CliFramer.Step step = framer.feedOne(bytes, offset, bytes.length - offset);
            offset += step.consumed();
            if (step.request() != null) {
                replies.add(run(session, step.request()));
                framer.setAuthenticated(session.isAuthenticated());
            }
            if (step.consumed() == 0) {
                break;
            }
        }
        return replies;
    }

    /** Runs one request on the manager thread, from a simulated thread. */
    public CliReply run(CliSession session, CliRequest request) {
        CliReply[] box = new CliReply[1];
        vd.call(m -> {
            box[0] = mgtDispatcher.dispatch(session, request);
            return Reply.ok();
        });
        return box[0];
    }

    /** vclab's commands that skip the manager's queue, see {@link VclabCommands}. */
    public static final java.util.Set<String> SIMULATION_COMMANDS =
            VclabCommands.SIMULATION_COMMANDS;

    /** Runs one request from a real thread (a TCP connection); blocks until it is done. */
    @Override
    public CliReply execute(CliSession session, CliRequest request) {
        if (session.isAuthenticated() && request.syntaxError() == null
                && !request.argv().isEmpty()
                && SIMULATION_COMMANDS.contains(request.argv().get(0))) {
            return simulationCommand(session, request);
        }
        if (isPing(session, request) && inFlight.get() == 0) {
            // varnishd's manager answers ping itself, at once when it is idle; so does vclab,
            // without a trip into the simulation.
            return pingDispatcher.dispatch(session, request);
        }
        inFlight.incrementAndGet();
        try {
            return submit(session, request);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Runs a simulation command between two scheduling steps, outside the manager's queue. */
    private CliReply simulationCommand(CliSession session, CliRequest request) {
        java.util.concurrent.CompletableFuture<CliReply> reply =
                new java.util.concurrent.CompletableFuture<>();
        scheduler.submitExternal(() -> {
            try {
                reply.complete(mgtDispatcher.dispatch(session, request));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        });
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CliReply(400, "CLI communication error");
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "vclab command {0} failed: {1}",
                    request.argv().get(0), e.getCause().toString());
            return new CliReply(400, "CLI communication error");
        }
    }

    private static boolean isPing(CliSession session, CliRequest request) {
        List<String> argv = request.argv();
        return session.isAuthenticated() && request.syntaxError() == null && !argv.isEmpty()
                && argv.get(0).equals("ping") && argv.size() <= 2;
    }

    private CliReply submit(CliSession session, CliRequest request) {
        CliReply[] box = new CliReply[1];
        try {
            vd.submit(m -> {
                box[0] = mgtDispatcher.dispatch(session, request);
                return Reply.ok();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CliReply(400, "CLI communication error");
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.ERROR, "CLI request failed: {0}", e.getCause().toString());
            return new CliReply(400, "CLI communication error");
        }
        return box[0];
    }

    // ---------------------------------------------------------------- the child's CLI

    @Override
    public Reply execute(Child child, String line) {
        CliTokenizer.Result t = CliTokenizer.tokenize(line, dialect);
        CliRequest request = new CliRequest(t.isError() ? List.of() : t.words(),
                t.isError() ? t.error() : null, line);
        CliDispatcher d = workerDispatchers.computeIfAbsent(child.pid(), pid -> {
            CliDispatcher w = new CliDispatcher(CliCommandTable.worker(dialect), workerHost());
            CliBuiltins.registerWorker(w);
            new WorkerHandlers(this, child).register(w);
            return w;
        });
        CliReply r = d.dispatch(new CliSession("manager", true), request);
        return new Reply(r.status(), r.body());
    }

    private CliHost mgtHost() {
        return new CliHost() {
            @Override
            public Dialect dialect() {
                return dialect;
            }

            @Override
            public int cliLimit() {
                return params.cliLimit();
            }

            @Override
            public double now() {
                return scheduler.epochSeconds();
            }

            @Override
            public boolean childRunning() {
                return vd.manager().childRunning();
            }

            @Override
            public CliReply forwardToChild(CliCall call) {
                String line = CliQuote.childCommandLine(dialect, call.argv());
                Reply r = vd.manager().childCommandLine(line.substring(0, line.length() - 1));
                return new CliReply(r.status(), r.body());
            }
        };
    }

    /** The manager's host as seen from a connection thread, for ping's time stamp. */
    private CliHost outsideHost() {
        CliHost inside = mgtHost();
        return new CliHost() {
            @Override
            public Dialect dialect() {
                return inside.dialect();
            }

            @Override
            public int cliLimit() {
                return inside.cliLimit();
            }

            @Override
            public double now() {
                return scheduler.epochSecondsFromOutside();
            }

            @Override
            public boolean childRunning() {
                return inside.childRunning();
            }

            @Override
            public CliReply forwardToChild(CliCall call) {
                throw new IllegalStateException("the ping dispatcher forwards nothing");
            }
        };
    }

    private CliHost workerHost() {
        return new CliHost() {
            @Override
            public Dialect dialect() {
                return dialect;
            }

            @Override
            public int cliLimit() {
                return params.cliLimit();
            }

            @Override
            public double now() {
                return scheduler.epochSeconds();
            }

            @Override
            public boolean childRunning() {
                return false;
            }

            @Override
            public CliReply forwardToChild(CliCall call) {
                return new CliReply(101, "Unknown request.\nType 'help' for more info.\n");
            }
        };
    }

    // ---------------------------------------------------------------- accessors

    public Varnishd varnishd() {
        return vd;
    }

    public ParamStore params() {
        return params;
    }

    /** The storages configured by the -s arguments. */
    Stevedores stevedores() {
        return stevedores;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public InstanceOptions options() {
        return options;
    }

    public Path workdir() {
        return workdir;
    }

    public Path secretFile() {
        return secretFile;
    }

    /** The loopback address of the CLI listener, or null when not published. */
    public String cliAddress() {
        if (server == null) {
            return null;
        }
        var a = server.addresses().get(0);
        return a.getHostString() + ":" + a.getPort();
    }

    public CliDispatcher managerDispatcher() {
        return mgtDispatcher;
    }

    String listenAddress() {
        return vd.listenAddress();
    }

    /** Closes the listener and removes the work directory files; the model is left alone. */
    public void closeEndpoints() {
        for (java.net.ServerSocket s : listenSockets) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a listen socket: {0}", e.toString());
            }
        }
        listenSockets.clear();
        if (server != null) {
            server.close();
            server = null;
        }
        if (vsm != null) {
            vsm.close();
            vsm = null;
        }
    }

    private static String toHex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
