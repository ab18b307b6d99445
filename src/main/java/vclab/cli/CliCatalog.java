package vclab.cli;

import java.util.List;

/**
 * varnishd's CLI commands: names, syntax and help lines, argument limits, and which process
 * implements each (the manager, the worker, or both). The strings are printed by {@code help}
 * and must stay byte-exact.
 */
final class CliCatalog {
    /** The manager's fall-through entry for commands it does not know; never listed. */
    static final CliCommand WILDCARD = new CliCommand("*", "<wild-card-entry>",
            "<fall through to cacher>", 0, 999, "h*", true, false, false);

    private CliCatalog() {
    }

    /** The commands the manager registers, in no particular order. */
    static List<CliCommand> managerCommands(Dialect dialect) {
        boolean trunk = dialect == Dialect.TRUNK;
        return List.of(
                cmd("auth", "auth <response>", "Authenticate.", 1, 1, "", false)
                        .withPreAuth(true),
                cmd("help", "help [-j|<command>]", "Show command/protocol help.", 0, 1, "", true)
                        .withPreAuth(true),
                cmd("ping", "ping [-j] [<timestamp>]", "Keep connection alive.", 0, 1, "", true)
                        .withPreAuth(true),
                cmd("quit", "quit", "Close connection.", 0, 0, "", false).withPreAuth(true),
                cmd("banner", "banner", "Print welcome banner.", 0, 0, "", false),
                cmd("debug.panic.master", "debug.panic.master", "Panic the master process.",
                        0, 0, "d", false),
                cmd("panic.clear", "panic.clear [-z]", "Clear the last panic, if any,"
                        + " -z will clear related varnishstat counter(s)", 0, 1, "", false),
                cmd("panic.show", "panic.show [-j]", "Return the last panic, if any.",
                        0, 0, "", true),
                cmd("param.reset", trunk ? "param.reset [-j] <param>" : "param.reset <param>",
                        "Reset parameter to default value.", 1, 1, "", trunk),
                cmd("param.set", "param.set [-j] <param> <value>", "Set parameter value.",
                        2, 2, "", true),
                cmd("param.show", "param.show [-l|-j] [<param>|changed]",
                        "Show parameters and their values.", 0, 2, "", true),
                cmd("pid", "pid [-j]",
                        "Show the pid of the master process, and the worker if it's running.",
                        0, 0, "", true),
                cmd("start", "start", "Start the Varnish cache process.", 0, 0, "", false),
                cmd("status", "status [-j]", "Check status of Varnish cache process.",
                        0, 0, "", true),
                cmd("stop", "stop", "Stop the Varnish cache process.", 0, 0, "", false),
                cmd("storage.list", "storage.list [-j]", "List storage devices.", 0, 0, "", true),
                cmd("vcl.deps", "vcl.deps [-j]",
                        "List all loaded configuration and their dependencies.", 0, 0, "", true),
                cmd("vcl.discard", "vcl.discard <name_pattern>...",
                        "Unload the named configurations (when possible).", 1, -1, "", false),
                cmd("vcl.inline", "vcl.inline <configname> <quoted_VCLstring> [auto|cold|warm]",
                        "Compile and load the VCL data under the name provided.", 2, 3, "",
                        false),
                vclLabel(),
                vclList(),
                vclLoad(),
                vclState(dialect),
                cmd("vcl.symtab", "vcl.symtab", "Dump the VCL symbol-tables.", 0, 0, "d", false),
                vclUse());
    }

    /**
     * The commands the worker registers. In the worker's table they replace the manager's
     * entries of the same name.
     */
    static List<CliCommand> workerCommands(Dialect dialect) {
        return List.of(
                cmd("ping", "ping [-j] [<timestamp>]", "Keep connection alive.", 0, 1, "i", true),
                cmd("help", "help [-j|<command>]", "Show command/protocol help.", 0, 1, "i", true),
                cmd("start", "start", "Start the Varnish cache process.", 0, 0, "", false),
                cmd("debug.listen_address", "debug.listen_address",
                        "Report the actual listen address.", 0, 0, "d", false),
                cmd("ban", "ban <field> <operator> <arg> [&& <field> <oper> <arg> ...]",
                        "Mark obsolete all objects where all the conditions match.", 3, -1, "",
                        false),
                cmd("ban.list", "ban.list [-j]", "List the active bans.", 0, 0, "", true),
                cmd("backend.list", "backend.list [-j] [-p] [<backend_pattern>]",
                        "List backends.\n", 0, 2, "", true),
                cmd("backend.set_health",
                        "backend.set_health <backend_pattern> [auto|healthy|sick]",
                        "Set health status of backend(s) matching <backend_pattern>.", 2, 2, "",
                        false),
                cmd("debug.fragfetch", "debug.fragfetch", "Enable fetch fragmentation.",
                        1, 1, "d", false),
                cmd("debug.xid", "debug.xid [<xid> [<cachesize>]]",
                        "Examine or set XID. <cachesize> defaults to 1.", 0, 2, "d", false),
                cmd("debug.shutdown.delay", "debug.shutdown.delay",
                        "Add a delay to the child process shutdown.", 1, 1, "d", false),
                cmd("debug.srandom", "debug.srandom", "Seed the random(3) function.",
                        0, 1, "d", false),
                cmd("debug.panic.worker", "debug.panic.worker", "Panic the worker process.",
                        0, 0, "d", false),
                vclLoad(),
                vclList(),
                vclState(dialect),
                cmd("vcl.discard", "vcl.discard <name_pattern>...",
                        "Unload the named configurations (when possible).", 1, -1, "", false),
                vclUse(),
                cmd("vcl.show", "vcl.show [-v] [<configname>]",
                        "Display the source code for the specified configuration.", 0, 2, "",
                        false),
                vclLabel(),
                cmd("debug.vmod", "debug.vmod", "Show loaded vmods.", 0, 0, "d", false),
                cmd("debug.reqpool.fail", "debug.reqpool.fail", "Schedule req-pool failures.",
                        1, 1, "d", false));
    }

    /**
     * The worker's {@code debug.persistent}, which exists only when varnishd was built with
     * persistent storage (Debian's 7.1.1 was not, so it is not in the default tables).
     */
    static CliCommand persistentDebugCommand() {
        return cmd("debug.persistent", "debug.persistent [<stevedore>] [<cmd>]",
                "Persistent debugging magic:\n"
                        + "With no cmd arg, a summary of the silo is returned.\n"
                        + "Possible commands:\n"
                        + "\tsync\tClose current segment, open a new one\n"
                        + "\tdump\tinclude objcores in silo summary",
                0, 2, "d", false);
    }

    private static CliCommand vclLoad() {
        return cmd("vcl.load", "vcl.load <configname> <filename> [auto|cold|warm]",
                "Compile and load the VCL file under the name provided.", 2, 3, "", false);
    }

    private static CliCommand vclList() {
        return cmd("vcl.list", "vcl.list [-j]", "List all loaded configuration.", 0, 0, "", true);
    }

    private static CliCommand vclState(Dialect dialect) {
        String syntax = dialect == Dialect.TRUNK
                ? "vcl.state <configname> auto|cold|warm"
                : "vcl.state <configname> [auto|cold|warm]";
        return cmd("vcl.state", syntax, "  Force the state of the named configuration.", 2, 2,
                "", false);
    }

    private static CliCommand vclUse() {
        return cmd("vcl.use", "vcl.use <configname|label>",
                "Switch to the named configuration immediately.", 1, 1, "", false);
    }

    private static CliCommand vclLabel() {
        return cmd("vcl.label", "vcl.label <label> <configname>", "Apply label to configuration.",
                2, 2, "", false);
    }

    private static CliCommand cmd(String name, String syntax, String help, int min, int max,
            String flags, boolean json) {
        return new CliCommand(name, syntax, help, min, max, flags, json, false, false);
    }
}
