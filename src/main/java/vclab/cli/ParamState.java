package vclab.cli;

/**
 * One parameter inside a {@link ParamStore}: its definition, its current value, and its
 * default, minimum and maximum as they stand now. varnishd rewrites those three strings at
 * start-up (normalised to the printed form) and when another parameter moves a bound
 * (thread_pool_min and thread_pool_max, vsl_buffer and vsl_reclen).
 */
final class ParamState {
    final ParamSpec spec;
    /** Double, Long, Boolean, String, {@link PoolValue} or boolean[], by type. */
    Object value;
    String min;
    String max;
    String def;
    boolean isProtected;

    ParamState(ParamSpec spec, Object initial) {
        this.spec = spec;
        this.value = initial;
        this.min = spec.min();
        this.max = spec.max();
        this.def = spec.def();
    }

    /** Returns an independent copy: the values are immutable except bit sets. */
    ParamState copy() {
        ParamState c = new ParamState(spec, value instanceof boolean[] bits ? bits.clone() : value);
        c.min = min;
        c.max = max;
        c.def = def;
        c.isProtected = isProtected;
        return c;
    }

    String name() {
        return spec.name();
    }

    boolean has(ParamFlag flag) {
        return flag == ParamFlag.PROTECTED ? isProtected : spec.has(flag);
    }

    /** True when the flags word of varnishd would be non-zero. */
    boolean hasAnyFlag() {
        return isProtected || !spec.flags().isEmpty();
    }

    /** The value of a memory-pool parameter: min_pool, max_pool and max_age. */
    record PoolValue(long minPool, long maxPool, double maxAge) {
    }
}
