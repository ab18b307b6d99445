package vclab.cli;

import vclab.cli.ParamNumbers.Bytes;
import vclab.cli.ParamNumbers.Unsigned;

/**
 * The parameter functions for unsigned ints and byte sizes, with the dependent bounds of
 * thread_pool_min/thread_pool_max and vsl_buffer/vsl_reclen. Part of {@link ParamTweaks}.
 */
final class ParamIntegers {
    static final long UINT_MAX = 0xFFFF_FFFFL;

    private ParamIntegers() {
    }

    static boolean threadPool(ParamStore store, ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        if (!uint(p, arg, json, vsb)) {
            return false;
        }
        long value = (Long) p.value;
        if (p.spec.type().equals("thread_pool_min")) {
            store.conf(ParamStore.Bound.MINIMUM, "thread_pool_max", Long.toString(value));
            store.conf(ParamStore.Bound.MAXIMUM, "thread_pool_reserve",
                    Long.toString(((value * 950) & UINT_MAX) / 1000));
        } else if (p.spec.type().equals("thread_pool_max")) {
            store.conf(ParamStore.Bound.MAXIMUM, "thread_pool_min", Long.toString(value));
        }
        return true;
    }

    static boolean uintOrZero(ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        if ("0".equals(arg)) {
            vsb.append("0");
            p.value = 0L;
            return true;
        }
        return uint(p, arg, json, vsb);
    }

    private static boolean uint(ParamState p, String arg, boolean json, StringBuilder vsb) {
        if (arg == null) {
            long value = (Long) p.value;
            vsb.append(value == UINT_MAX && !json ? "unlimited" : Long.toString(value));
            return true;
        }
        Long parsed = parseUint(arg, p.min, p.max, p.spec.dynMinReason(), p.spec.dynMaxReason(),
                vsb);
        if (parsed == null) {
            return false;
        }
        p.value = parsed;
        return true;
    }

    /**
     * Parses an unsigned int within [min, max] as tweak_generic_uint does ("unlimited" is
     * 2^32-1), or writes the error and returns null. The reasons name the parameter that set
     * a bound.
     */
    static Long parseUint(String arg, String min, String max, String minReason,
            String maxReason, StringBuilder vsb) {
        long minValue = 0;
        long maxValue = 0;
        if (min != null) {
            Unsigned parsed = ParamNumbers.strtoul(min);
            if (arg.isEmpty() || parsed.end() != min.length()) {
                vsb.append("Illegal Min: ").append(min).append('\n');
                return null;
            }
            minValue = parsed.value();
        }
        if (max != null) {
            Unsigned parsed = ParamNumbers.strtoul(max);
            if (arg.isEmpty() || parsed.end() != max.length()) {
                vsb.append("Illegal Max: ").append(max).append('\n');
                return null;
            }
            maxValue = parsed.value();
        }
        long value;
        if (CFormat.equalsIgnoreAsciiCase(arg, "unlimited")) {
            value = UINT_MAX;
        } else {
            Unsigned parsed = ParamNumbers.strtoul(arg);
            if (arg.isEmpty() || parsed.end() != arg.length()) {
                vsb.append("Not a number (").append(arg).append(")\n");
                return null;
            }
            value = parsed.value();
        }
        if (min != null && value < minValue) {
            vsb.append("Must be at least ").append(min).append(reason(minReason)).append('\n');
            return null;
        }
        if (max != null && value > maxValue) {
            vsb.append("Must be no more than ").append(max).append(reason(maxReason))
                    .append('\n');
            return null;
        }
        return value;
    }

    private static String reason(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }

    static boolean bytes(ParamStore store, ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        String type = p.spec.type();
        boolean unsigned32 = !type.equals("bytes");
        if (arg == null) {
            long value = (Long) p.value;
            vsb.append(json ? Long.toString(value) : ParamNumbers.formatBytes(value));
        } else {
            Long parsed = parseBytes(arg, p.min, p.max, vsb);
            if (parsed == null) {
                return false;
            }
            p.value = unsigned32 ? parsed & UINT_MAX : parsed;
        }
        long value = (Long) p.value;
        if (type.equals("vsl_buffer")) {
            store.conf(ParamStore.Bound.MAXIMUM, "vsl_reclen",
                    Long.toString((value - 12) & UINT_MAX));
        } else if (type.equals("vsl_reclen")) {
            store.conf(ParamStore.Bound.MINIMUM, "vsl_buffer",
                    Long.toString((value + 12) & UINT_MAX));
        }
        return true;
    }

    private static Long parseBytes(String arg, String min, String max, StringBuilder vsb) {
        long minValue = 0;
        long maxValue = 0;
        if (min != null) {
            Bytes parsed = ParamNumbers.toBytes(min);
            if (parsed.error() != null) {
                vsb.append("Invalid min-val: ").append(min).append('\n');
                return null;
            }
            minValue = parsed.value();
        }
        if (max != null) {
            Bytes parsed = ParamNumbers.toBytes(max);
            if (parsed.error() != null) {
                vsb.append("Invalid max-val: ").append(max).append('\n');
                return null;
            }
            maxValue = parsed.value();
        }
        Bytes parsed = ParamNumbers.toBytes(arg);
        if (parsed.error() != null) {
            vsb.append("Could not convert to bytes.\n").append(parsed.error()).append('\n')
                    .append("  Try something like '80k' or '120M'\n");
            return null;
        }
        long value = parsed.value();
        if (max != null && Long.compareUnsigned(value, maxValue) > 0) {
            vsb.append("Must be no more than ").append(max).append("\n\n");
            return null;
        }
        if (min != null && Long.compareUnsigned(value, minValue) < 0) {
            vsb.append("Must be at least ").append(min).append('\n');
            return null;
        }
        return value;
    }
}
