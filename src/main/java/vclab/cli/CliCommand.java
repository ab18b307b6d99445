package vclab.cli;

/**
 * One entry of a CLI command table, as {@code help -j} describes it.
 *
 * @param name the command word ("vcl.list")
 * @param syntax the usage line that {@code help} lists
 * @param help the one-line description that {@code help <command>} adds
 * @param minArgs the minimum number of arguments after the command word, a leading
 *     {@code -j} not counted
 * @param maxArgs the maximum number of such arguments, -1 for no limit
 * @param flags varnishd's flag letters: {@code d} for debug commands (listed only by
 *     {@code help -a} and {@code help -d}), {@code i} for the worker's own help and ping
 * @param json true when the command has a JSON form ({@code -j} as first argument)
 * @param preAuth true for the commands a session may use before it authenticates
 * @param hidden true for vclab's own commands, which the listings of {@code help} leave out
 *     so that they stay identical to varnishd's; {@code help <name>} still shows them
 */
public record CliCommand(String name, String syntax, String help, int minArgs, int maxArgs,
        String flags, boolean json, boolean preAuth, boolean hidden) {

    public CliCommand {
        if (name.isEmpty() || minArgs < 0 || maxArgs < -1) {
            throw new IllegalArgumentException("invalid CLI command entry '" + name + "' ("
                    + minArgs + ".." + maxArgs + ")");
        }
    }

    /** A debug command, left out of plain {@code help}. */
    public boolean isDebug() {
        return flags.indexOf('d') >= 0;
    }

    /** The same entry with other flags (the worker's help and ping carry "i"). */
    public CliCommand withFlags(String newFlags) {
        return new CliCommand(name, syntax, help, minArgs, maxArgs, newFlags, json, preAuth,
                hidden);
    }

    /** The same entry with or without a JSON form. */
    public CliCommand withJson(boolean newJson) {
        return new CliCommand(name, syntax, help, minArgs, maxArgs, flags, newJson, preAuth,
                hidden);
    }

    /** The same entry, usable before authentication or not. */
    public CliCommand withPreAuth(boolean newPreAuth) {
        return new CliCommand(name, syntax, help, minArgs, maxArgs, flags, json, newPreAuth,
                hidden);
    }
}
