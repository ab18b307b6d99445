package vclab.cli;

/**
 * What a {@link CliDispatcher} needs from the simulated process that owns it. The manager's
 * host and the worker's host differ: only the manager forwards commands to a worker.
 */
public interface CliHost {
    Dialect dialect();

    /** The {@code cli_limit} parameter in bytes; read at every write of a command's output. */
    int cliLimit();

    /** The wall-clock time in seconds since the epoch, for JSON envelopes and {@code PONG}. */
    double now();

    /** True while the worker process runs, so that the manager can forward commands to it. */
    boolean childRunning();

    /**
     * Passes a command the manager does not handle itself (or {@code help}) to the running
     * worker and returns the worker's reply unchanged. Called only while
     * {@link #childRunning()} is true. varnishd re-encodes the words on the way, see
     * {@link CliQuote#childCommandLine}.
     */
    CliReply forwardToChild(CliCall call);
}
