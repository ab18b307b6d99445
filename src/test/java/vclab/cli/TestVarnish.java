package vclab.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * A manager and a worker dispatcher wired together the way varnishd is, with the built-in
 * commands and the parameter commands, a settable clock and a switch for the worker. Nothing
 * of the VCL model is there: commands that need it get "Unimplemented".
 */
final class TestVarnish {
    /** The platform line of the machine the golden transcripts were captured on. */
    static final String GOLDEN_PLATFORM =
            "Linux,6.18.44-fc-v1252,x86_64,-junix,-sdefault,-sdefault,-hcritbit";

    final Dialect dialect;
    final ParamStore params;
    final CliBuiltins builtins;
    final CliDispatcher manager;
    final CliDispatcher worker;
    final CliSession workerSession = new CliSession("mgt", true);
    double now = 1796394936.25;
    boolean childRunning = true;
    CliRequest lastForwarded;

    TestVarnish(Dialect dialect) {
        this(dialect, null);
    }

    TestVarnish(Dialect dialect, Path secretFile) {
        this(dialect, secretFile, new CliBanner(dialect, GOLDEN_PLATFORM));
    }

    /** Creates an instance whose banner describes the machine the test runs on. */
    static TestVarnish onThisMachine(Dialect dialect) {
        return new TestVarnish(dialect, null,
                CliBanner.forThisMachine(dialect, CliBanner.DEFAULT_STARTUP_CHOICES));
    }

    TestVarnish(Dialect dialect, Path secretFile, CliBanner banner) {
        this.dialect = dialect;
        this.params = new ParamStore(dialect);
        this.builtins = new CliBuiltins(banner, secretFile);
        this.manager = new CliDispatcher(CliCommandTable.manager(dialect), new Host(true));
        this.worker = new CliDispatcher(CliCommandTable.worker(dialect), new Host(false));
        registerModelStubs(manager);
        registerModelStubs(worker);
        builtins.registerManager(manager);
        new ParamCommands(params).register(manager);
        CliBuiltins.registerWorker(worker);
    }

    /**
     * Gives every command a handler, as varnishd has, so that argument counts are checked.
     * The commands that need the VCL model reply 300 here.
     */
    private static void registerModelStubs(CliDispatcher dispatcher) {
        for (CliCommand command : dispatcher.table().visible(true)) {
            dispatcher.register(command.name(), call -> {
                call.out().setStatus(CliStatus.CANT);
                call.out().print(MODEL_MISSING);
            });
        }
    }

    static final String MODEL_MISSING = "(the VCL model is not part of this test)";

    /** Sends a command to the manager as an authenticated session would. */
    CliReply send(String... argv) {
        return send(new CliSession("test", true), argv);
    }

    CliReply send(CliSession session, String... argv) {
        return manager.dispatch(session, new CliRequest(List.of(argv), null,
                String.join(" ", argv)));
    }

    private final class Host implements CliHost {
        private final boolean isManager;

        Host(boolean isManager) {
            this.isManager = isManager;
        }

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
            return now;
        }

        @Override
        public boolean childRunning() {
            return isManager ? childRunning : true;
        }

        @Override
        public CliReply forwardToChild(CliCall call) {
            if (!isManager) {
                throw new IllegalStateException("the worker forwards nothing");
            }
            lastForwarded = new CliRequest(call.argv(), null, String.join(" ", call.argv()));
            return worker.dispatch(workerSession, lastForwarded);
        }
    }
}
