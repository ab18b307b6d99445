package vclab.cli;

import java.util.Set;

/**
 * The definition of one varnishd parameter, as the source's parameter table gives it (before
 * varnishd normalises the default, minimum and maximum at start-up).
 *
 * @param name the parameter name
 * @param type varnishd's tweak function without its {@code tweak_} prefix: timeout,
 *     duration, double, uint, uint_orzero, bytes, bytes_u, boolean, string, storage,
 *     poolparam, the bit sets (debug, experimental, feature, vcc_feature, vsl_mask), the
 *     parameters with dependent bounds (thread_pool_min, thread_pool_max, vsl_buffer,
 *     vsl_reclen), or alias
 * @param min the minimum, or null
 * @param max the maximum, or null
 * @param def the default, or null for an alias
 * @param units the unit shown in brackets, or null
 * @param description the help text, with LF and TAB as in varnishd's table
 * @param flags the flags, PROTECTED excluded (that one is set at start-up)
 * @param dynMinReason the reason {@code param.set} gives after a minimum set by another
 *     parameter ("thread_pool_min"), or null
 * @param dynMaxReason the same for the maximum, or null
 * @param aliasOf for an alias, the parameter it stands for; else null
 */
public record ParamSpec(String name, String type, String min, String max, String def,
        String units, String description, Set<ParamFlag> flags, String dynMinReason,
        String dynMaxReason, String aliasOf) {

    public ParamSpec {
        flags = Set.copyOf(flags);
    }

    public boolean has(ParamFlag flag) {
        return flags.contains(flag);
    }

    public boolean isAlias() {
        return aliasOf != null;
    }

    public boolean hasUnits() {
        return units != null && !units.isEmpty();
    }
}
