package vclab.cli;

import java.math.BigDecimal;

/**
 * The number parsers and printers behind varnishd's parameters: C's strtoul, Varnish's
 * structured-field decimals (SF_Parse_Number), byte sizes (VNUM_2bytes) and their short
 * printed form, and trunk's duration units. Their quirks are kept because they decide which
 * {@code param.set} values pass and which error message is printed.
 */
final class ParamNumbers {
    /** The largest decimal Varnish accepts, 999999999999.999 as a double. */
    static final double DECIMAL_MAX = 0x1.d1a94a1fffff8p+39;
    static final double DECIMAL_MIN = -DECIMAL_MAX;

    static final String INVALID_NUMBER = "Invalid number";
    static final String TOO_MANY_DIGITS = "Too many digits";
    static final String UNKNOWN_BYTES_UNIT = "Unknown BYTES unit of measurement ([KMGTP][B])";
    static final String FRACTIONAL_BYTES = "Fractional BYTES not allowed";

    private static final long UINT_MASK = 0xFFFF_FFFFL;

    private ParamNumbers() {
    }

    /**
     * A parse result: the value, the index of the first unused char, and an error text (null
     * when the parse succeeded, as errno stays 0 in C).
     */
    record Parsed(double value, int end, String error) {
        boolean failed() {
            return error != null;
        }
    }

    /** The result of {@link #strtoul}: the value truncated to 32 bits and where parsing stopped. */
    record Unsigned(long value, int end) {
    }

    /**
     * C's {@code strtoul(s, &end, 0)} on a 64-bit machine, cast to a 32-bit unsigned: leading
     * white space, an optional sign (a minus negates modulo 2^64), then hexadecimal after
     * {@code 0x}, octal after {@code 0}, else decimal. Overflow saturates at 2^64-1. With no
     * digits, end is 0.
     */
    static Unsigned strtoul(String s) {
        int p = 0;
        int n = s.length();
        while (p < n && isCSpace(s.charAt(p))) {
            p++;
        }

        boolean negative = false;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            negative = s.charAt(p) == '-';
            p++;
        }
        int base = 10;
        if (p + 1 < n && s.charAt(p) == '0' && (s.charAt(p + 1) | 0x20) == 'x'
                && p + 2 < n && Character.digit(s.charAt(p + 2), 16) >= 0) {
            base = 16;
            p += 2;
        } else if (p < n && s.charAt(p) == '0') {
            base = 8;
        }

        int start = p;
        long value = 0;
        boolean overflow = false;
        while (p < n && s.charAt(p) < 128 && Character.digit(s.charAt(p), base) >= 0) {
            int digit = Character.digit(s.charAt(p), base);
            long limit = Long.divideUnsigned(-1L - digit, base);
            if (Long.compareUnsigned(value, limit) > 0) {
                overflow = true;
            }
            value = value * base + digit;
            p++;
        }

        if (p == start) {
            return new Unsigned(0, 0);
        }
        if (overflow) {
            value = -1L;
        } else if (negative) {
            value = -value;
        }
        return new Unsigned(value & UINT_MASK, p);
    }

    /**
     * SF_Parse_Number: an integer of up to 15 digits with optional {@code -}, optionally
     * followed by a fraction of which three digits count; blanks around are skipped. In strict
     * mode a missing or overlong fraction is an error; otherwise trailing text is left for the
     * caller.
     */
    static Parsed sfNumber(String s, int from, boolean strict) {
        int p = skipBlanks(s, from);
        double sign = 1;
        if (p < s.length() && s.charAt(p) == '-') {
            sign = -1;
            p++;
        }
        double value = 0;
        int digits = 0;
        while (p < s.length() && isDigit(s.charAt(p))) {
            digits++;
            if (digits > 15) {
                return new Parsed(value, p, TOO_MANY_DIGITS);
            }
            value = value * 10 + (s.charAt(p++) - '0');
        }
        if (digits == 0) {
            if (strict || p >= s.length() || s.charAt(p) != '.') {
                return new Parsed(strict ? 0 : value * sign, p, INVALID_NUMBER);
            }
        } else {
            p = skipBlanks(s, p);
        }
        if (p >= s.length() || s.charAt(p) != '.') {
            return new Parsed(value * sign, p, null);
        }
        if (value < DECIMAL_MIN || value > DECIMAL_MAX) {
            return new Parsed(value, p, TOO_MANY_DIGITS);
        }
        if (digits == 0 && (p + 1 >= s.length() || !isDigit(s.charAt(p + 1)))) {
            return new Parsed(value, p, INVALID_NUMBER);
        }
        return fraction(s, p, value, sign, strict);
    }

    private static Parsed fraction(String s, int dot, double whole, double sign,
            boolean strict) {
        int p = dot + 1;
        double value = whole;
        double scale = 1;
        int fractionDigits;
        for (fractionDigits = 0; fractionDigits < 3; fractionDigits++) {
            scale *= .1;
            if (p >= s.length() || !isDigit(s.charAt(p))) {
                break;
            }
            value += scale * (s.charAt(p++) - '0');
        }
        if (strict && fractionDigits == 0) {
            return new Parsed(value, p, INVALID_NUMBER);
        }
        if (strict && p < s.length() && isDigit(s.charAt(p))) {
            return new Parsed(value, p, TOO_MANY_DIGITS);
        }
        while (p < s.length() && isDigit(s.charAt(p))) {
            p++;
        }
        p = skipBlanks(s, p);
        return new Parsed(value * sign, p, null);
    }

    /** SF_Parse_Decimal: {@link #sfNumber} limited to +-999999999999.999. */
    static Parsed sfDecimal(String s, boolean strict) {
        Parsed parsed = sfNumber(s, 0, strict);
        if (parsed.failed()) {
            return parsed;
        }
        if (parsed.value() < DECIMAL_MIN || parsed.value() > DECIMAL_MAX) {
            return new Parsed(parsed.value(), parsed.end(), TOO_MANY_DIGITS);
        }
        return parsed;
    }

    /**
     * VNUM_duration_unit: scales a number by the unit in rest ({@code ms s m h d w y}, blanks
     * around allowed); NaN when the unit is missing or unknown.
     */
    static double durationUnit(double value, String rest) {
        int p = skipBlanks(rest, 0);
        if (p >= rest.length()) {
            return Double.NaN;
        }
        double scale;
        char unit = rest.charAt(p++);
        switch (unit) {
            case 's' -> scale = 1.0;
            case 'm' -> {
                if (p < rest.length() && rest.charAt(p) == 's') {
                    scale = 1e-3;
                    p++;
                } else {
                    scale = 60.0;
                }
            }
            case 'h' -> scale = 60.0 * 60.0;
            case 'd' -> scale = 60.0 * 60.0 * 24.0;
            case 'w' -> scale = 60.0 * 60.0 * 24.0 * 7.0;
            case 'y' -> scale = 60.0 * 60.0 * 24.0 * 365.0;
            default -> {
                return Double.NaN;
            }
        }
        p = skipBlanks(rest, p);
        return p < rest.length() ? Double.NaN : value * scale;
    }

    /** The result of {@link #toBytes}: the byte count, or the error text. */
    record Bytes(long value, String error) {
    }

    /**
     * VNUM_2bytes: a non-negative strict decimal with an optional unit k, m, g, t or p (powers
     * of 1024) and an optional b, case-insensitive. The result is unsigned; products from 2^63
     * up come out as 2^63, as the x86-64 conversion of varnishd gives.
     */
    static Bytes toBytes(String s) {
        if (s.isEmpty()) {
            return new Bytes(0, INVALID_NUMBER);
        }
        Parsed parsed = sfNumber(s, 0, true);
        if (parsed.failed()) {
            return new Bytes(0, parsed.error());
        }
        if (parsed.value() < 0) {
            return new Bytes(0, INVALID_NUMBER);
        }
        double r = parsed.value();
        int p = skipBlanks(s, parsed.end());
        double scale = 1.0;
        if (p < s.length()) {
            switch (Character.toLowerCase(s.charAt(p))) {
                case 'k' -> scale = 0x1p10;
                case 'm' -> scale = 0x1p20;
                case 'g' -> scale = 0x1p30;
                case 't' -> scale = 0x1p40;
                case 'p' -> scale = 0x1p50;
                case 'b' -> {
                    if (r != Math.floor(r)) {
                        return new Bytes(0, FRACTIONAL_BYTES);
                    }
                    scale = 0;
                }
                default -> {
                    return new Bytes(0, UNKNOWN_BYTES_UNIT);
                }
            }
            if (scale != 0) {
                p++;
            } else {
                scale = 1.0;
            }
            if (p < s.length() && (s.charAt(p) | 0x20) == 'b') {
                p++;
            }
            p = skipBlanks(s, p);
            if (p < s.length()) {
                return new Bytes(0, UNKNOWN_BYTES_UNIT);
            }
        } else if (r != Math.floor(r)) {
            return new Bytes(0, FRACTIONAL_BYTES);
        }
        double product = scale * r;
        long truncated = product >= 0x1p63 ? Long.MIN_VALUE : (long) product;
        return new Bytes(truncated, null);
    }

    /**
     * Formats a byte count short: plain with {@code b} unless a multiple of 256, else the
     * largest unit of 1024 that leaves a whole number, or two decimals of the next unit
     * ({@code 48k}, {@code 0.75k}, {@code 0.25G}).
     */
    static String formatBytes(long bytes) {
        long t = bytes;
        if (t == 0 || (t & 0xff) != 0) {
            return Long.toUnsignedString(t) + "b";
        }
        for (char unit : "kMGTPEZY".toCharArray()) {
            if ((t & 0x300) != 0) {
                double scaled = unsignedToDouble(t) / 1024.0;
                return CFormat.fixed(scaled, 2) + unit;
            }
            t = Long.divideUnsigned(t, 1024);
            if ((t & 0xff) != 0) {
                return Long.toUnsignedString(t) + unit;
            }
        }
        return "(bogus number)";
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? (double) value : new BigDecimal(Long.toUnsignedString(value))
                .doubleValue();
    }

    /** C's isspace in the C locale. */
    static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Skips Varnish's optional white space (space and TAB). */
    private static int skipBlanks(String s, int from) {
        int p = from;
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }
}
