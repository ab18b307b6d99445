package vclab.vmod;

import java.util.List;
import java.util.regex.Pattern;
import vclab.sched.Durations;
import vclab.vrt.VrtCtx;

/**
 * std's conversion functions as vmod_std_conversions.c has them in 7.1.1 and 8.0. Exactly
 * one source argument must be given, or the VCL fails with "too many arguments" or "not
 * enough arguments". A source that does not convert gives the fallback when one was given,
 * and the VCL fails with "conversion failed" when none was.
 *
 * <p>Arguments arrive in declaration order, as the signatures in std.vmod list them, with a
 * flag per argument that tells whether it was given: a given string may still be null (an
 * unset header), which is not the same as a missing one.
 */
final class StdConversions {
    /** A structured-field integer or decimal: sign, up to 15 digits, up to 3 decimals. */
    private static final Pattern SF_NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,3})?");
    /** VRT_INTEGER_MAX: VCL integers are limited to 15 decimal digits. */
    private static final long INTEGER_MAX = 999_999_999_999_999L;

    private StdConversions() {
    }

    /** integer([STRING s], [INT fallback], [BOOL], [BYTES], [DURATION], [REAL], [TIME]) */
    static Object integer(VrtCtx ctx, List<Object> args, List<Boolean> given) {
        if (!oneSource(ctx, "integer", given, 0, 2, 3, 4, 5, 6)) {
            return 0L;
        }
        if (given.get(2)) {
            return Boolean.TRUE.equals(args.get(2)) ? 1L : 0L;
        }
        if (given.get(3)) {
            return number(args.get(3)).longValue();
        }
        double r = Double.NaN;
        if (given.get(0) && args.get(0) != null) {
            String s = args.get(0).toString();
            if (SF_NUMBER.matcher(s).matches() && Double.parseDouble(s) % 1 == 0) {
                return (long) Double.parseDouble(s);
            }
        }
        for (int i = 4; i <= 6; i++) {
            if (given.get(i)) {
                r = seconds(args.get(i));
            }
        }
        if (!Double.isNaN(r)) {
            double truncated = r < 0 ? Math.ceil(r) : Math.floor(r);
            if (Math.abs(truncated) <= INTEGER_MAX) {
                return (long) truncated;
            }
        }
        return fallback(ctx, "integer", args, given, 0L);
    }

    /** real([STRING s], [REAL fallback], [INT], [BOOL], [BYTES], [DURATION], [TIME]) */
    static Object real(VrtCtx ctx, List<Object> args, List<Boolean> given) {
        if (!oneSource(ctx, "real", given, 0, 2, 3, 4, 5, 6)) {
            return 0.0;
        }
        if (given.get(2) || given.get(4)) {
            return number(args.get(given.get(2) ? 2 : 4)).doubleValue();
        }
        if (given.get(3)) {
            return Boolean.TRUE.equals(args.get(3)) ? 1.0 : 0.0;
        }
        if (given.get(5) || given.get(6)) {
            return seconds(args.get(given.get(5) ? 5 : 6));
        }
        if (given.get(0) && args.get(0) != null) {
            String s = args.get(0).toString();
            if (SF_NUMBER.matcher(s).matches()) {
                return Double.parseDouble(s);
            }
        }
        return fallback(ctx, "real", args, given, 0.0);
    }

    /** duration([STRING s], [DURATION fallback], [REAL], [INT]) */
    static Object duration(VrtCtx ctx, List<Object> args, List<Boolean> given) {
        if (!oneSource(ctx, "duration", given, 0, 2, 3)) {
            return new Dur(0);
        }
        if (given.get(2) || given.get(3)) {
            double seconds = number(args.get(given.get(2) ? 2 : 3)).doubleValue();
            return new Dur(Math.round(seconds * 1e9));
        }
        if (given.get(0) && args.get(0) != null) {
            try {
                return new Dur(Durations.parseNanos(args.get(0).toString()));
            } catch (IllegalArgumentException e) {
                // Not a duration: the fallback applies.
            }
        }
        return fallback(ctx, "duration", args, given, new Dur(0));
    }

    /** Checks varnishd's onearg(): exactly one of the source arguments was given. */
    private static boolean oneSource(VrtCtx ctx, String function, List<Boolean> given,
            int... sources) {
        int n = 0;
        for (int i : sources) {
            n += given.get(i) ? 1 : 0;
        }
        if (n == 1) {
            return true;
        }
        ctx.fail("std." + function + ": " + (n > 1 ? "too many" : "not enough") + " arguments");
        return false;
    }

    private static Object fallback(VrtCtx ctx, String function, List<Object> args,
            List<Boolean> given, Object zero) {
        if (given.get(1)) {
            return args.get(1);
        }
        // TODO: varnishd appends the number parser's error text (": <text>") for strings
        // that std.integer() and std.real() reject; vclab leaves it out.
        ctx.fail("std." + function + ": conversion failed");
        return zero;
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : 0L;
    }

    /** Seconds of a DURATION, TIME or REAL value. */
    private static double seconds(Object value) {
        return value instanceof Dur d ? d.seconds() : number(value).doubleValue();
    }
}
