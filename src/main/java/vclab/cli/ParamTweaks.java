package vclab.cli;

import vclab.cli.ParamNumbers.Parsed;
import vclab.cli.ParamState.PoolValue;

/**
 * varnishd's per-type parameter functions ("tweaks"): each either parses and stores a new
 * value, or prints the current one in plain or JSON form. Error texts go into the buffer
 * exactly as varnishd words them, with their trailing newlines. Parameters whose bounds
 * depend on each other update those bounds after every call, printing included, as varnishd
 * does.
 */
final class ParamTweaks {
    private ParamTweaks() {
    }

    /**
     * Runs the parameter function of target's type.
     *
     * @param name the name the parameter was addressed by (differs from target's for a trunk
     *     alias)
     * @param arg the value to set, or null to print the current value
     * @param json print in JSON form (arg is then ignored)
     * @return false when the value was rejected; the reason is in vsb
     */
    static boolean tweak(ParamStore store, ParamState target, String name, String arg,
            boolean json, StringBuilder vsb) {
        String set = json ? null : arg;
        return switch (target.spec.type()) {
            case "timeout" -> timeout(store, target, set, json, vsb);
            case "duration" -> genericDouble(store, target, set, vsb, "%.3f");
            case "double" -> genericDouble(store, target, set, vsb, "%g");
            case "boolean" -> bool(target, set, json, vsb);
            case "uint", "thread_pool_min", "thread_pool_max" ->
                    ParamIntegers.threadPool(store, target, set, json, vsb);
            case "uint_orzero" -> ParamIntegers.uintOrZero(target, set, json, vsb);
            case "bytes", "bytes_u", "vsl_buffer", "vsl_reclen" ->
                    ParamIntegers.bytes(store, target, set, json, vsb);
            case "string" -> string(store, target, set, json, vsb);
            case "storage" -> storage(store, target, set, json, vsb);
            case "poolparam" -> pool(store, target, set, json, vsb);
            case "debug", "experimental", "feature", "vcc_feature", "vsl_mask" ->
                    ParamBits.tweak(store, target, name, set, json, vsb);
            default -> throw new IllegalStateException("no parameter function for type "
                    + target.spec.type() + " of " + target.name());
        };
    }

    private static boolean timeout(ParamStore store, ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        if (store.dialect() == Dialect.TRUNK) {
            if ("never".equals(arg)) {
                p.value = Double.POSITIVE_INFINITY;
                return true;
            }
            if (arg == null && (Double) p.value == Double.POSITIVE_INFINITY) {
                vsb.append(json ? "\"never\"" : "never");
                return true;
            }
        }
        return genericDouble(store, p, arg, vsb, "%.3f");
    }

    private static boolean genericDouble(ParamStore store, ParamState p, String arg,
            StringBuilder vsb, String format) {
        if (arg == null) {
            double value = (Double) p.value;
            vsb.append(format.equals("%g") ? CFormat.general(value) : CFormat.fixed(value, 3));
            return true;
        }
        Double parsed = parseBounded(store.dialect(), p.spec.type(), arg, p.min, p.max, vsb);
        if (parsed == null) {
            return false;
        }
        p.value = parsed;
        return true;
    }

    /**
     * Parses a double within [min, max] (either may be null) as tweak_generic_double does, or
     * writes the error and returns null.
     */
    static Double parseBounded(Dialect dialect, String type, String arg, String min, String max,
            StringBuilder vsb) {
        double minValue = ParamNumbers.DECIMAL_MIN;
        double maxValue = ParamNumbers.DECIMAL_MAX;
        if (min != null) {
            Parsed parsed = parseDouble(dialect, type, min);
            if (parsed.failed()) {
                vsb.append("Min: ").append(parsed.error()).append(" (").append(min).append(")\n");
                return null;
            }
            minValue = parsed.value();
        }
        if (max != null) {
            Parsed parsed = parseDouble(dialect, type, max);
            if (parsed.failed()) {
                vsb.append("Max: ").append(parsed.error()).append(" (").append(max).append(")\n");
                return null;
            }
            maxValue = parsed.value();
        }
        Parsed parsed = parseDouble(dialect, type, arg);
        if (parsed.failed()) {
            vsb.append(parsed.error()).append(" (").append(arg).append(")\n");
            return null;
        }
        if (parsed.value() < minValue) {
            vsb.append("Must be greater or equal to ").append(cString(min)).append('\n');
            return null;
        }
        if (parsed.value() > maxValue) {
            vsb.append("Must be less than or equal to ").append(cString(max)).append('\n');
            return null;
        }
        return parsed.value();
    }

    /**
     * 7.1 reads a decimal and ignores what follows ("30s" is 30). Trunk requires the whole
     * text: a plain decimal for doubles, a decimal with an optional unit for durations.
     */
    private static Parsed parseDouble(Dialect dialect, String type, String text) {
        Parsed parsed = ParamNumbers.sfDecimal(text, false);
        if (dialect == Dialect.V7_1) {
            return parsed;
        }
        boolean atEnd = parsed.end() >= text.length();
        if (type.equals("double") || type.equals("poolparam")) {
            if (!parsed.failed() && !atEnd) {
                return new Parsed(parsed.value(), parsed.end(), ParamNumbers.INVALID_NUMBER);
            }
            return parsed;
        }
        if (atEnd) {
            return parsed;
        }
        double scaled = ParamNumbers.durationUnit(parsed.value(), text.substring(parsed.end()));
        if (Double.isNaN(scaled)) {
            return new Parsed(scaled, parsed.end(), "Invalid duration unit");
        }
        return new Parsed(scaled, text.length(), parsed.error());
    }

    private static boolean bool(ParamState p, String arg, boolean json, StringBuilder vsb) {
        if (arg == null) {
            boolean on = (Boolean) p.value;
            if (json) {
                vsb.append(on ? "true" : "false");
            } else {
                vsb.append(on ? "on" : "off");
            }
            return true;
        }
        Boolean parsed = parseBoolean(arg);
        if (parsed == null) {
            vsb.append("use \"on\" or \"off\"\n");
            return false;
        }
        p.value = parsed;
        return true;
    }

    /** on, enable, yes, true or their opposites, any case; null for anything else. */
    static Boolean parseBoolean(String arg) {
        for (String word : new String[] {"off", "disable", "no", "false"}) {
            if (CFormat.equalsIgnoreAsciiCase(arg, word)) {
                return false;
            }
        }
        for (String word : new String[] {"on", "enable", "yes", "true"}) {
            if (CFormat.equalsIgnoreAsciiCase(arg, word)) {
                return true;
            }
        }
        return null;
    }

    private static boolean string(ParamStore store, ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        if (arg != null) {
            p.value = arg;
        } else if (json) {
            vsb.append('"').append(CliQuote.json(store.dialect(), (String) p.value)).append('"');
        } else {
            vsb.append(CliQuote.cString(store.dialect(), (String) p.value));
        }
        return true;
    }

    private static boolean storage(ParamStore store, ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        if (arg != null && !arg.equals("Transient") && !store.storageNames().contains(arg)) {
            vsb.append("unknown storage backend '").append(arg).append("'");
            return false;
        }
        return string(store, p, arg, json, vsb);
    }

    private static boolean pool(ParamStore store, ParamState p, String arg, boolean json,
            StringBuilder vsb) {
        PoolValue current = (PoolValue) p.value;
        if (json) {
            vsb.append("{\n")
                    .append("        \"min_pool\": ").append(current.minPool()).append(",\n")
                    .append("        \"max_pool\": ").append(current.maxPool()).append(",\n")
                    .append("        \"max_age\": ").append(CFormat.general(current.maxAge()))
                    .append("\n    }");
            return true;
        }
        if (arg == null) {
            vsb.append(current.minPool()).append(',').append(current.maxPool()).append(',')
                    .append(CFormat.general(current.maxAge()));
            return true;
        }
        ParamWords.Result words = ParamWords.split(store.dialect(), arg);
        if (words.error() != null) {
            vsb.append("Parse error: ").append(words.error());
            return false;
        }
        if (words.words().size() < 3) {
            vsb.append("Three fields required: min_pool, max_pool and max_age\n");
            return false;
        }
        Long minPool = ParamIntegers.parseUint(words.words().get(0), p.min, p.max,
                p.spec.dynMinReason(), p.spec.dynMaxReason(), vsb);
        if (minPool == null) {
            return false;
        }
        Long maxPool = ParamIntegers.parseUint(words.words().get(1), p.min, p.max,
                p.spec.dynMinReason(), p.spec.dynMaxReason(), vsb);
        if (maxPool == null) {
            return false;
        }
        Double maxAge = parseBounded(store.dialect(), "poolparam", words.words().get(2), "0",
                "1000000", vsb);
        if (maxAge == null) {
            return false;
        }
        if (minPool > maxPool) {
            vsb.append("min_pool cannot be larger than max_pool\n");
            return false;
        }
        p.value = new PoolValue(minPool, maxPool, maxAge);
        return true;
    }

    /** C's printf of a NULL string. */
    private static String cString(String text) {
        return text == null ? "(null)" : text;
    }
}
