package vclab.cli;

/**
 * What a CLI front end (the TCP server, the REPL, the VTC runner) hands requests to. The
 * model's implementation runs each request on the simulated manager thread.
 */
public interface CliService {
    /** The first response of a session: 107 with a challenge, or 200 with the banner. */
    CliReply greet(CliSession session);

    /** Executes one request; may block the calling thread until the simulation answers. */
    CliReply execute(CliSession session, CliRequest request);
}
