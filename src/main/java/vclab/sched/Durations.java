package vclab.sched;

import java.util.Locale;

/** Parses and prints durations the way Varnish writes them: {@code 100ms}, {@code 1.5s}, {@code 2m}. */
public final class Durations {
    private Durations() {
    }

    /**
     * Parses a duration in nanoseconds. A bare number is seconds; the units are ms, s, m, h,
     * d, w and y, as in VCL.
     *
     * @throws IllegalArgumentException with a message naming the text
     */
    public static long parseNanos(String text) {
        String t = text.trim();
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.'
                || (i == 0 && (t.charAt(i) == '-' || t.charAt(i) == '+')))) {
            i++;
        }
        String number = t.substring(0, i);
        String unit = t.substring(i).trim().toLowerCase(Locale.ROOT);
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "': expected a number with an optional unit (ms, s, m, h, d, w, y)");
        }
        double seconds;
        switch (unit) {
            case "":
            case "s":
                seconds = value;
                break;
            case "ms":
                seconds = value / 1000.0;
                break;
            case "m":
                seconds = value * 60;
                break;
            case "h":
                seconds = value * 3600;
                break;
            case "d":
                seconds = value * 86400;
                break;
            case "w":
                seconds = value * 7 * 86400;
                break;
            case "y":
                seconds = value * 365 * 86400;
                break;
            default:
                throw new IllegalArgumentException("invalid duration unit '" + unit + "' in '"
                        + text + "': use ms, s, m, h, d, w or y");
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("invalid duration '" + text + "': negative");
        }
        return Math.round(seconds * 1e9);
    }

    /** Formats nanoseconds as the shortest of {@code 250ms}, {@code 1.5s} and the like. */
    public static String format(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return String.format(Locale.ROOT, "%.6fs", nanos / 1e9);
    }
}
