package vclab.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The few printf conversions varnishd uses for numbers, reproduced digit for digit. Java's
 * {@code String.format} rounds differently from glibc and does not strip zeros in {@code %g},
 * so these work on the exact binary value of the double, as glibc does.
 */
public final class CFormat {
    private static final java.time.format.DateTimeFormatter HTTP_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
                    java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);

    private CFormat() {
    }

    /** VTIM_format: an HTTP date such as {@code Fri, 04 Dec 2026 14:22:29 GMT}. */
    public static String httpDate(double epochSeconds) {
        return HTTP_DATE.format(java.time.Instant.ofEpochMilli((long) Math.floor(
                epochSeconds * 1000)));
    }

    /** {@code %.<decimals>f}: the exact value rounded half to even, as glibc rounds. */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal exact = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        String text = exact.toPlainString();
        if (isNegativeZero(value) || (value < 0 && exact.signum() == 0)) {
            return "-" + text;
        }
        return text;
    }

    /**
     * {@code %g}: six significant digits, trailing zeros removed, exponent form for very
     * small or large values.
     */
    static String general(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return isNegativeZero(value) ? "-0" : "0";
        }
        MathContext sixDigits = new MathContext(6, RoundingMode.HALF_EVEN);
        BigDecimal rounded = new BigDecimal(value).round(sixDigits);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            return exponentForm(rounded, exponent);
        }
        String text = rounded.setScale(Math.max(0, 5 - exponent), RoundingMode.HALF_EVEN)
                .toPlainString();
        return stripZeros(text);
    }

    private static String exponentForm(BigDecimal rounded, int exponent) {
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        String digits = stripZeros(mantissa.setScale(5, RoundingMode.HALF_EVEN).toPlainString());
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return digits + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
    }

    private static String stripZeros(String text) {
        if (text.indexOf('.') < 0) {
            return text;
        }
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        if (text.charAt(end - 1) == '.') {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isNegativeZero(double value) {
        return value == 0 && Double.doubleToRawLongBits(value) != 0;
    }

    /** {@code %-<width>s}: the text left-justified and padded with spaces to width. */
    static String padRight(String text, int width) {
        StringBuilder sb = new StringBuilder(text);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    /** {@code %<width>s}: the text right-justified in width; a negative width left-justifies. */
    static String padLeft(String text, int width) {
        if (width < 0) {
            return padRight(text, -width);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = text.length(); i < width; i++) {
            sb.append(' ');
        }
        return sb.append(text).toString();
    }

    /** Returns a run of n spaces, none when n is below one. */
    static String spaces(int n) {
        return n <= 0 ? "" : " ".repeat(n);
    }

    /** C's strcasecmp() == 0: equal apart from the case of ASCII letters. */
    static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (lowerAscii(a.charAt(i)) != lowerAscii(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
