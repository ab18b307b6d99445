package vclab.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vclab.cli.ParamState.PoolValue;

/**
 * The parameters of one simulated varnishd: current values, the bounds and defaults as they
 * stand, and which parameters are protected. Creating a store does what varnishd does at
 * start-up: every default, minimum and maximum is set once and replaced by its printed form
 * ("600" becomes "600.000"), in name order, with the side effects on dependent bounds.
 *
 * <p>Not thread-safe; the model uses it from its simulated manager thread only.
 */
public final class ParamStore {
    /** The bound of a parameter that another parameter changes. */
    enum Bound { MINIMUM, MAXIMUM }

    /** The limit varnishd applies to output while it processes its command line. */
    private static final int STARTUP_CLI_LIMIT = 32768;

    private final Dialect dialect;
    private final ParamTable table;
    private final List<String> storageNames;
    private final Map<String, ParamState> states = new LinkedHashMap<>();

    /** Creates the store of a varnishd with the default storages (s0 and Transient). */
    public ParamStore(Dialect dialect) {
        this(dialect, List.of("s0", "Transient"));
    }

    /**
     * @param storageNames the configured storage names, which h2_rxbuf_storage may name
     */
    public ParamStore(Dialect dialect, List<String> storageNames) {
        this.dialect = dialect;
        this.table = ParamTable.of(dialect);
        this.storageNames = List.copyOf(storageNames);
        for (ParamSpec spec : table.parameters()) {
            states.put(spec.name(), new ParamState(spec, initialValue(spec)));
        }
        for (ParamState state : states.values()) {
            normalise(state);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public ParamTable table() {
        return table;
    }

    List<String> storageNames() {
        return storageNames;
    }

    ParamState state(String name) {
        return states.get(name);
    }

    Collection<ParamState> states() {
        return states.values();
    }

    /** Returns the state an alias refers to, or the state itself for other parameters. */
    ParamState target(ParamState state) {
        return state.spec.isAlias() ? states.get(state.spec.aliasOf()) : state;
    }

    private Object initialValue(ParamSpec spec) {
        return switch (spec.type()) {
            case "timeout", "duration", "double" -> 0.0;
            case "boolean" -> false;
            case "string", "storage" -> "";
            case "poolparam" -> new PoolValue(0, 0, 0.0);
            case "debug", "experimental", "feature", "vcc_feature", "vsl_mask" ->
                    ParamBits.emptyBits(this, spec.type());
            case "alias" -> null;
            default -> 0L;
        };
    }

    /** Sets minimum, maximum and default once each and keeps their printed forms. */
    private void normalise(ParamState state) {
        if (state.spec.has(ParamFlag.NOT_IMPLEMENTED) || state.spec.isAlias()) {
            return;
        }
        if (state.min != null) {
            state.min = normalised(state, state.min, "minimum");
        }
        if (state.max != null) {
            state.max = normalised(state, state.max, "maximum");
        }
        state.def = normalised(state, state.def, "default");
    }

    private String normalised(ParamState state, String text, String bound) {
        StringBuilder vsb = new StringBuilder();
        if (!ParamTweaks.tweak(this, state, state.name(), text, false, vsb)) {
            throw new IllegalStateException("FAILED to set " + bound + " for param "
                    + state.name() + ": " + text + "\n" + vsb);
        }
        StringBuilder printed = new StringBuilder();
        ParamTweaks.tweak(this, state, state.name(), null, false, printed);
        return printed.toString();
    }

    /** Replaces a bound of another parameter, as MCF_ParamConf does (no normalisation). */
    void conf(Bound bound, String name, String value) {
        ParamState state = states.get(name);
        if (bound == Bound.MINIMUM) {
            state.min = value;
        } else {
            state.max = value;
        }
    }

    /**
     * Sets a parameter as {@code param.set} and {@code param.reset} do (MCF_ParamSet), writing
     * status and messages into out.
     *
     * @param value the new value, or null to reset to the default
     * @param childRunning whether the worker runs, for the "child is restarted" note
     */
    public void set(CliOutput out, String name, String value, boolean childRunning) {
        ParamState state = states.get(name);
        if (state == null) {
            out.setStatus(CliStatus.PARAM);
            out.print("Unknown parameter \"" + name + "\".");
            return;
        }
        if (state.spec.has(ParamFlag.NOT_IMPLEMENTED)) {
            out.setStatus(CliStatus.CANT);
            out.print("parameter \"" + name + "\" is not available on this platform.");
            return;
        }

        // 7.1 runs an alias with its own flags and the original's value; trunk copies the
        // original's definition under the alias's name.
        ParamState target = target(state);
        ParamState flagsFrom = dialect == Dialect.TRUNK ? target : state;
        String tweakName = dialect == Dialect.TRUNK ? name : target.name();
        if (flagsFrom.has(ParamFlag.PROTECTED)) {
            out.setStatus(CliStatus.AUTH);
            out.print("parameter \"" + name + "\" is protected.");
            return;
        }

        String newValue = value != null ? value : state.def;
        StringBuilder vsb = new StringBuilder();
        boolean ok = ParamTweaks.tweak(this, target, tweakName, newValue, false, vsb);
        out.append(vsb.toString());
        if (!ok) {
            out.setStatus(CliStatus.PARAM);
        }

        if (out.status() != CliStatus.OK) {
            out.print("\n(attempting to set param '" + name + "' to '" + newValue + "')");
        } else if (childRunning && flagsFrom.has(ParamFlag.MUST_RESTART)) {
            out.print("\nChange will take effect when child is restarted");
        } else if (flagsFrom.has(ParamFlag.MUST_RELOAD)) {
            out.print("\nChange will take effect when VCL script is reloaded");
        }
    }

    /**
     * Marks parameters as protected, as varnishd's -r does: a comma-separated list. Returns
     * null, or varnishd's error text; names before the bad one stay protected.
     */
    public String protect(String names) {
        ParamWords.Result words = ParamWords.split(dialect, names);
        if (words.error() != null) {
            return "Parse error: " + words.error();
        }
        for (String name : words.words()) {
            ParamState state = states.get(name);
            if (state == null) {
                return "Unknown parameter " + name;
            }
            if (dialect == Dialect.TRUNK && state.spec.isAlias()) {
                return "Cannot mark alias " + name + " read only.\nDid you mean to mark "
                        + state.spec.aliasOf() + " read only?";
            }
            state.isProtected = true;
        }
        return null;
    }

    /** The outcome of one start-up option: whether varnishd continues, and its stderr. */
    public record StartupResult(boolean ok, String stderr) {
        /** The exit status varnishd uses when it stops on the option. */
        public static final int EXIT_STATUS = 2;
    }

    /**
     * Applies varnishd's {@code -p name=value}. A rejected value stops varnishd with
     * {@code Error:} and the message; an accepted one may print {@code Warnings:} (for
     * parameters that need a VCL reload).
     */
    public StartupResult startupParam(String argument) {
        int eq = argument.indexOf('=');
        if (eq < 0) {
            return new StartupResult(false, "Error: \t-p lacks '='\n(-? gives usage)\n");
        }
        CliOutput out = new CliOutput(dialect, () -> STARTUP_CLI_LIMIT);
        set(out, argument.substring(0, eq), argument.substring(eq + 1), false);
        return startupOutcome(out);
    }

    /** Applies varnishd's {@code -r name,...}. */
    public StartupResult startupProtect(String argument) {
        CliOutput out = new CliOutput(dialect, () -> STARTUP_CLI_LIMIT);
        String error = protect(argument);
        if (error != null) {
            out.print(error);
            out.setStatus(CliStatus.PARAM);
        }
        return startupOutcome(out);
    }

    private static StartupResult startupOutcome(CliOutput out) {
        CliReply reply = out.reply();
        if (reply.isSuccess()) {
            String text = reply.body().isEmpty() ? "" : "Warnings:\n" + reply.body() + "\n";
            return new StartupResult(true, text);
        }
        return new StartupResult(false, "Error:\n" + reply.body() + "\n");
    }

    /** Returns the value as {@code param.show} prints it. */
    public String show(String name) {
        ParamState state = existing(name);
        StringBuilder vsb = new StringBuilder();
        ParamState target = target(state);
        ParamTweaks.tweak(this, target, target.name(), null, false, vsb);
        return vsb.toString();
    }

    /** Returns the names of all parameters, aliases included, in name order. */
    public List<String> names() {
        return new ArrayList<>(states.keySet());
    }

    private ParamState existing(String name) {
        ParamState state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return target(state);
    }

    /** Returns a duration, timeout or double in seconds, infinite for trunk's "never". */
    public double seconds(String name) {
        return typed(name, Double.class);
    }

    /** Returns a duration or timeout in nanoseconds, {@code Long.MAX_VALUE} for "never". */
    public long durationNanos(String name) {
        double seconds = seconds(name);
        if (Double.isInfinite(seconds) || seconds * 1e9 >= Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.round(seconds * 1e9);
    }

    /** Returns an unsigned-int parameter: 0 to 2^32-1, where "unlimited" is 2^32-1. */
    public long uint(String name) {
        return typed(name, Long.class);
    }

    /** Returns a byte-size parameter in bytes. */
    public long bytes(String name) {
        return typed(name, Long.class);
    }

    public boolean bool(String name) {
        return typed(name, Boolean.class);
    }

    public String string(String name) {
        return typed(name, String.class);
    }

    /** Returns whether a bit of a bit-set parameter is set; for vsl_mask, set means masked. */
    public boolean bit(String name, String bitName) {
        ParamState state = existing(name);
        List<String> names = table.bitNames(state.spec.type());
        int index = names.indexOf(bitName);
        if (index < 0) {
            throw new IllegalArgumentException("parameter " + name + " has no bit " + bitName);
        }
        int offset = state.spec.type().equals("vsl_mask") ? 1 : 0;
        return ((boolean[]) state.value)[index + offset];
    }

    /** {@code cli_limit} in bytes. */
    public int cliLimit() {
        return (int) Math.min(Integer.MAX_VALUE, bytes("cli_limit"));
    }

    private <T> T typed(String name, Class<T> type) {
        Object value = existing(name).value;
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("parameter " + name + " is not a "
                    + type.getSimpleName());
        }
        return type.cast(value);
    }
}
