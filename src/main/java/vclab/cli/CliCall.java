package vclab.cli;

import java.util.List;

/**
 * One command being run: what was asked, by which session, and where the reply goes.
 *
 * @param session the session that sent the command
 * @param command the table entry that matched (the wildcard entry for forwarded commands)
 * @param table the table of the server that runs the command, for {@code help}
 * @param argv the command word and its arguments, as received
 * @param json true when the first argument is {@code -j}
 * @param out the reply being built
 * @param host the simulated process that runs the command
 */
public record CliCall(CliSession session, CliCommand command, CliCommandTable table,
        List<String> argv, boolean json, CliOutput out, CliHost host) {

    public CliCall {
        argv = List.copyOf(argv);
    }

    /** The command word. */
    public String name() {
        return argv.get(0);
    }

    /** The arguments after the command word; a leading {@code -j} is still there. */
    public List<String> args() {
        return argv.subList(1, argv.size());
    }

    public Dialect dialect() {
        return host.dialect();
    }

    /** Opens a JSON reply with this command's argv and the host's clock. */
    public void jsonBegin(int version) {
        out.jsonBegin(version, argv, host.now());
    }
}
