package vclab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a comma-separated parameter value ({@code -Debug,+Hash} or {@code 10,100,10}, and the
 * argument of -r) as varnishd's VAV_Parse does with ARGV_COMMA: words end at white space or a
 * comma, double quotes group, backslash escapes are decoded, and a trailing comma adds an empty
 * word. 7.1 also rejects two quoted words separated by white space or a comma.
 */
final class ParamWords {
    static final String INVALID_BACKSLASH = "Invalid backslash sequence";
    static final String INVALID_QUOTE = "Invalid '\"'";
    static final String MISSING_QUOTE = "Missing '\"'";
    static final String MISSING_SEPARATOR = "Missing separator between arguments";

    /** The words, or the parse error (then words is empty). */
    record Result(List<String> words, String error) {
    }

    private ParamWords() {
    }

    static Result split(Dialect dialect, String s) {
        List<String> words = new ArrayList<>();
        int n = s.length();
        int b = 0;
        int sep = -1;
        while (b < n) {
            char c = s.charAt(b);
            if (ParamNumbers.isCSpace(c)) {
                b++;
                continue;
            }
            if (sep >= 0 && ParamNumbers.isCSpace(s.charAt(sep)) && c == ',') {
                sep = -1;
                b++;
                continue;
            }
            boolean afterQuote = sep >= 0 && s.charAt(sep) == '"';
            if (afterQuote && c == ',' && dialect == Dialect.TRUNK) {
                sep = -1;
                b++;
                continue;
            }
            if (afterQuote && c == '"' && (dialect == Dialect.V7_1 || b - sep < 2)) {
                return failure(MISSING_SEPARATOR);
            }
            sep = -1;
            boolean quote = c == '"';
            int start = quote ? ++b : b;
            while (b < n) {
                char d = s.charAt(b);
                if (d == '\\') {
                    int length = backslashLength(s, b, n);
                    if (length == 0) {
                        return failure(INVALID_BACKSLASH);
                    }
                    b += length;
                    continue;
                }
                if (!quote) {
                    if (ParamNumbers.isCSpace(d) || d == ',') {
                        sep = b;
                        break;
                    }
                    if (d == '"') {
                        return failure(INVALID_QUOTE);
                    }
                    b++;
                    continue;
                }
                if (d == '"') {
                    sep = b;
                    quote = false;
                    break;
                }
                b++;
            }
            if (sep < 0 && quote) {
                return failure(MISSING_QUOTE);
            }
            words.add(decode(s, start, b));
            if (b < n) {
                b++;
            }
        }
        if (sep >= 0 && s.charAt(sep) == ',') {
            words.add("");
        }
        return new Result(words, null);
    }

    private static Result failure(String error) {
        return new Result(List.of(), error);
    }

    /** Returns the length of the escape at s[at], 0 when invalid or when it crosses end. */
    private static int backslashLength(String s, int at, int end) {
        int available = end - at;
        if (available < 2) {
            return 0;
        }
        char c = s.charAt(at + 1);
        switch (c) {
            case 'n', 'r', 't', '"', '\\':
                return 2;
            case 'x':
                if (available >= 4 && isHex(s.charAt(at + 2)) && isHex(s.charAt(at + 3))) {
                    return 4;
                }
                return 0;
            default:
                if (c < '0' || c > '7') {
                    return 0;
                }
                int r = 1;
                while (r < 4 && r < available) {
                    char digit = s.charAt(at + r);
                    if (digit < '0' || digit > '7') {
                        break;
                    }
                    r++;
                }
                return r;
        }
    }

    private static String decode(String s, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int p = from;
        while (p < to) {
            char c = s.charAt(p);
            if (c != '\\') {
                sb.append(c);
                p++;
                continue;
            }
            int length = backslashLength(s, p, to);
            if (length == 0) {
                throw new IllegalStateException("escape crosses the end of a word: " + s);
            }
            sb.append(escapedChar(s, p, length));
            p += length;
        }
        int nul = sb.indexOf("\0");
        return nul < 0 ? sb.toString() : sb.substring(0, nul);
    }

    private static char escapedChar(String s, int at, int length) {
        char c = s.charAt(at + 1);
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '"', '\\' -> c;
            case 'x' -> (char) Integer.parseInt(s.substring(at + 2, at + 4), 16);
            default -> (char) (Integer.parseInt(s.substring(at + 1, at + length), 8) & 0xff);
        };
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
