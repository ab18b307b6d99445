package vclab.vtc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a macro reference into words like Varnish's argument parser with commas
 * as separators: white space and commas separate, double quotes group, backslash escapes are
 * decoded. Errors carry that parser's messages.
 */
final class MacroArguments {

    private MacroArguments() {
    }

    static List<String> split(String text) {
        List<String> argv = new ArrayList<>();
        int b = 0;
        int e = text.length();
        int sep = -1;
        while (b < e) {
            char c = text.charAt(b);
            if (isSpace(c)) {
                b++;
                continue;
            }
            if (sep >= 0 && isSpace(text.charAt(sep)) && c == ',') {
                sep = -1;
                b++;
                continue;
            }
            if (sep >= 0 && text.charAt(sep) == '"' && c == '"') {
                throw new IllegalArgumentException("Missing separator between arguments");
            }
            sep = -1;
            boolean quote = c == '"';
            int p = quote ? ++b : b;
            while (b < e) {
                char d = text.charAt(b);
                if (d == '\\') {
                    int used = escapeLength(text, b);
                    if (used == 0) {
                        throw new IllegalArgumentException("Invalid backslash sequence");
                    }
                    b += used;
                    continue;
                }
                if (!quote) {
                    if (isSpace(d) || d == ',') {
                        sep = b;
                        break;
                    }
                    if (d == '"') {
                        throw new IllegalArgumentException("Invalid '\"'");
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
                throw new IllegalArgumentException("Missing '\"'");
            }
            Object decoded = VtcScriptParser.decodeQuoted(text.substring(p, b),
                    new SourcePos("", 1, 1));
            argv.add(decoded instanceof String s ? s : text.substring(p, b));
            if (b < e) {
                b++;
            }
        }
        if (sep >= 0 && text.charAt(sep) == ',') {
            argv.add("");
        }
        return argv;
    }

    /** Returns the length of the escape at {@code i}, 0 if it is invalid. */
    private static int escapeLength(String text, int i) {
        if (i + 1 >= text.length()) {
            return 0;
        }
        char e = text.charAt(i + 1);
        if ("nrt\"\\".indexOf(e) >= 0) {
            return 2;
        }
        if (e == 'x') {
            return i + 3 < text.length() && Character.digit(text.charAt(i + 2), 16) >= 0
                    && Character.digit(text.charAt(i + 3), 16) >= 0 ? 4 : 0;
        }
        if (e >= '0' && e <= '7') {
            int r2 = 1;
            while (r2 < 4 && i + r2 < text.length() && text.charAt(i + r2) >= '0'
                    && text.charAt(i + r2) <= '7') {
                r2++;
            }
            return r2;
        }
        return 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }
}
