package vclab.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one CLI request against a command table, as varnishd's CLI server does: the dispatch
 * checks in varnishd's order, then the command's handler, then the {@code cli_limit} cut. The
 * manager and the worker each have one, with their own table and host.
 *
 * <p>The checks, with the bodies trunk sends (7.1 writes "Unknown request.\nType 'help' for
 * more info.\n" before each of the first four):
 * <ol>
 * <li>the tokenizer failed: 100 {@code Syntax Error: <message>}
 * <li>no words: 100 {@code Empty CLI command.}
 * <li>the first byte is not a-z: 101 {@code All commands are in lower-case.} (7.1 spells it
 *     with a lower-case "all" and only for upper-case letters)
 * <li>no entry for the session's authentication level, and no wildcard: 101
 * <li>no handler for the form asked: 102 {@code JSON unimplemented} or {@code Unimplemented}
 * <li>too few or too many arguments: 104 or 105; a leading {@code -j} raises both limits by one
 * </ol>
 */
public final class CliDispatcher {
    /** The manager's reply to a command meant for the worker while no worker runs. */
    public static final String CHILD_NOT_RUNNING =
            "Unknown request in manager process (child not running).\n"
                    + "Type 'help' for more info.";

    private final CliCommandTable table;
    private final CliHost host;
    private final Map<String, CliHandler> handlers = new HashMap<>();
    private CliHandler wildcardHandler = CliDispatcher::askChild;

    public CliDispatcher(CliCommandTable table, CliHost host) {
        this.table = table;
        this.host = host;
    }

    public CliCommandTable table() {
        return table;
    }

    public CliHost host() {
        return host;
    }

    /** Sets the handler of a command, replacing an earlier one. */
    public void register(String name, CliHandler handler) {
        handlers.put(name, handler);
    }

    /**
     * Replaces what the wildcard entry does; by default it forwards to the running worker or
     * answers {@link #CHILD_NOT_RUNNING}.
     */
    public void registerWildcard(CliHandler handler) {
        wildcardHandler = handler;
    }

    /** Runs one request and returns the reply to send. */
    public CliReply dispatch(CliSession session, CliRequest request) {
        Dialect dialect = host.dialect();
        CliOutput out = new CliOutput(dialect, host::cliLimit);
        out.resetStatus(CliStatus.UNKNOWN);
        if (dialect.prefixesDispatchErrors()) {
            out.print(CliOutput.UNKNOWN_REQUEST);
        }

        List<String> argv = request.argv();
        if (request.syntaxError() != null) {
            out.print("Syntax Error: " + request.syntaxError() + "\n");
            out.setStatus(CliStatus.SYNTAX);
        } else if (argv.isEmpty()) {
            out.print("Empty CLI command.\n");
            out.setStatus(CliStatus.SYNTAX);
        } else if (!startsLowerCase(argv.get(0))) {
            rejectCase(out, dialect, argv.get(0));
        } else {
            dispatchCommand(session, argv, out);
        }
        return out.reply();
    }

    private static void rejectCase(CliOutput out, Dialect dialect, String word) {
        if (!dialect.prefixesDispatchErrors()) {
            out.print("All commands are in lower-case.\n");
            out.setStatus(CliStatus.UNKNOWN);
        } else if (!word.isEmpty() && word.charAt(0) >= 'A' && word.charAt(0) <= 'Z') {
            out.print("all commands are in lower-case.\n");
            out.setStatus(CliStatus.UNKNOWN);
        }
    }

    private void dispatchCommand(CliSession session, List<String> argv, CliOutput out) {
        boolean authenticated = session.isAuthenticated();
        CliCommand command = table.lookup(argv.get(0), authenticated);
        CliHandler handler;
        if (command != null) {
            handler = handlers.get(command.name());
        } else {
            command = table.wildcard(authenticated);
            handler = wildcardHandler;
        }
        if (command == null) {
            if (!host.dialect().prefixesDispatchErrors()) {
                out.print(CliOutput.UNKNOWN_REQUEST);
            }
            return;
        }

        out.clear();
        boolean json = argv.size() > 1 && argv.get(1).equals("-j");
        if (handler == null) {
            out.print(json ? "JSON unimplemented\n" : "Unimplemented\n");
            out.setStatus(CliStatus.UNIMPL);
            return;
        }
        if (json && !command.json()) {
            out.print("JSON unimplemented\n");
            out.setStatus(CliStatus.UNIMPL);
            return;
        }
        if (!checkArgumentCount(command, argv.size() - 1, json ? 1 : 0, out)) {
            return;
        }

        out.resetStatus(CliStatus.OK);
        handler.handle(new CliCall(session, command, table, argv, json, out, host));
    }

    private static boolean checkArgumentCount(CliCommand command, int argc, int jsonExtra,
            CliOutput out) {
        if (argc < command.minArgs() + jsonExtra) {
            out.print("Too few parameters\n");
            out.setStatus(CliStatus.TOOFEW);
            return false;
        }
        if (command.maxArgs() >= 0 && argc > command.maxArgs() + jsonExtra) {
            out.print("Too many parameters\n");
            out.setStatus(CliStatus.TOOMANY);
            return false;
        }
        return true;
    }

    /**
     * The manager's wildcard: forwards the command to the worker and relays its reply, or
     * answers 101 while no worker runs. The relayed body is one write, so the manager's own
     * {@code cli_limit} applies to it again.
     */
    public static void askChild(CliCall call) {
        if (!call.host().childRunning()) {
            call.out().setStatus(CliStatus.UNKNOWN);
            call.out().print(CHILD_NOT_RUNNING);
            return;
        }
        CliReply reply = call.host().forwardToChild(call);
        call.out().setStatus(reply.status());
        call.out().print(reply.body());
    }

    private static boolean startsLowerCase(String word) {
        return !word.isEmpty() && word.charAt(0) >= 'a' && word.charAt(0) <= 'z';
    }
}
