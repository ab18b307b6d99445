package vclab.cli.adm;

import java.util.OptionalDouble;

/**
 * The {@code -t} checks of varnishadm 7.1: the value must be what C's strtod() reads in full,
 * finite and not negative. libvarnishapi's attach also takes {@code off} (any case) for
 * "wait for ever"; varnishadm itself does not.
 */
public final class AdmTimeout {
    private AdmTimeout() {
    }

    /** Returns the seconds, or empty when varnishadm would print "-t: Invalid argument". */
    public static OptionalDouble seconds(String text) {
        double value = strtod(text);
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(value);
    }

    /**
     * Returns the attach patience in seconds: negative for {@code off}, else as
     * {@link #seconds}.
     */
    static OptionalDouble patience(String text) {
        if (text.equalsIgnoreCase("off")) {
            return OptionalDouble.of(-1);
        }
        return seconds(text);
    }

    /**
     * Parses like strtod() and requires the whole text to be used; returns NaN otherwise. An
     * empty text is 0, as strtod() leaves the end pointer on the terminating NUL. Infinity
     * and NaN spellings give NaN, which the callers reject as strtod's results would be.
     */
    static double strtod(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return i == 0 ? 0 : Double.NaN;
        }
        boolean negative = text.charAt(i) == '-';
        if (text.charAt(i) == '+' || negative) {
            i++;
        }
        String rest = text.substring(i);
        double magnitude = rest.regionMatches(true, 0, "0x", 0, 2) ? hex(rest.substring(2))
                : decimal(rest);
        return negative ? -magnitude : magnitude;
    }

    private static double decimal(String text) {
        if (!text.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    private static double hex(String text) {
        if (!text.matches("([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?")) {
            return Double.NaN;
        }
        String withExponent = text.matches(".*[pP].*") ? text : text + "p0";
        return Double.parseDouble("0x" + withExponent);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
