package vclab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command table of one CLI server, sorted by name in byte order as varnishd keeps it.
 *
 * <p>The manager's table holds the manager's commands and a wildcard entry that catches every
 * other command once the session is authenticated. The worker's table starts as a copy of the
 * manager's (without the wildcard) and the worker's own commands replace entries of the same
 * name; that is why the worker's {@code help} lists every command. Each simulated instance
 * builds its own tables, so commands registered at run time stay local to it.
 */
public final class CliCommandTable {
    /** The catalogue's tables by kind and dialect; they are only copied, never changed. */
    private static final Map<String, CliCommandTable> PROTOTYPES = new ConcurrentHashMap<>();

    private final TreeMap<String, CliCommand> commands;
    private final CliCommand wildcard;

    private CliCommandTable(CliCommand wildcard) {
        this.wildcard = wildcard;
        this.commands = new TreeMap<>();
    }

    private CliCommandTable(CliCommandTable prototype) {
        this.wildcard = prototype.wildcard;
        this.commands = new TreeMap<>(prototype.commands);
    }

    /** A new table with the manager's commands and its wildcard entry. */
    public static CliCommandTable manager(Dialect dialect) {
        return new CliCommandTable(PROTOTYPES.computeIfAbsent("manager " + dialect, key -> {
            CliCommandTable table = new CliCommandTable(CliCatalog.WILDCARD);
            CliCatalog.managerCommands(dialect).forEach(table::register);
            return table;
        }));
    }

    /** A new table with the manager's commands overlaid by the worker's, and no wildcard. */
    public static CliCommandTable worker(Dialect dialect) {
        return new CliCommandTable(PROTOTYPES.computeIfAbsent("worker " + dialect, key -> {
            CliCommandTable table = new CliCommandTable((CliCommand) null);
            CliCatalog.managerCommands(dialect).forEach(table::register);
            CliCatalog.workerCommands(dialect).forEach(table::register);
            return table;
        }));
    }

    /** The worker's {@code debug.persistent} entry, for tables that model persistent storage. */
    public static CliCommand persistentDebugCommand() {
        return CliCatalog.persistentDebugCommand();
    }

    /**
     * Adds an entry, replacing one of the same name. vclab's own commands should set
     * {@link CliCommand#hidden()} so the help listings stay identical to varnishd's.
     */
    public void register(CliCommand command) {
        if (command.name().equals(CliCatalog.WILDCARD.name())) {
            throw new IllegalArgumentException("the wildcard entry is fixed, not registered");
        }
        commands.put(command.name(), command);
    }

    /**
     * The entry for a command word that a session may use, or null. An unauthenticated session
     * only sees the commands marked {@link CliCommand#preAuth()}.
     */
    public CliCommand lookup(String name, boolean authenticated) {
        CliCommand command = commands.get(name);
        if (command == null || !visibleTo(command, authenticated)) {
            return null;
        }
        return command;
    }

    /** The wildcard entry if this table has one and the session may use it, else null. */
    public CliCommand wildcard(boolean authenticated) {
        return authenticated ? wildcard : null;
    }

    /** True for the manager's table, which has the wildcard entry. */
    public boolean hasWildcard() {
        return wildcard != null;
    }

    /** Every entry a session may use, hidden ones included, sorted by name. */
    public List<CliCommand> visible(boolean authenticated) {
        List<CliCommand> result = new ArrayList<>();
        for (CliCommand command : commands.values()) {
            if (visibleTo(command, authenticated)) {
                result.add(command);
            }
        }
        return result;
    }

    private static boolean visibleTo(CliCommand command, boolean authenticated) {
        return authenticated || command.preAuth();
    }
}
