package vclab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CLI line into words as varnishd's VAV_Parse does (with no flags), and re-encodes
 * words for the manager-to-child pipe.
 *
 * <p>Strings hold bytes, one char per byte (ISO-8859-1), as everywhere on the CLI wire. The line
 * is a C string: a NUL byte ends it. Rules of the tokenizer:
 *
 * <ul>
 *   <li>Words are separated by runs of white space (space, TAB, LF, VT, FF, CR).
 *   <li>A word that starts with {@code "} is quoted and ends at the next unescaped {@code "}.
 *   <li>Escapes work inside and outside quotes: {@code \n \r \t \" \\}, one to three octal
 *       digits, {@code \x} and exactly two hex digits. A decoded NUL ends the word there.
 *   <li>A {@code "} inside an unquoted word is an error, as is an unclosed quote.
 *   <li>A quoted word followed directly by {@code "} is an error. Varnish 7.1 also rejects a
 *       {@code "} that follows a quoted word after white space ({@code ping "x" "y"}); trunk
 *       accepts it.
 * </ul>
 */
public final class CliTokenizer {
    public static final String INVALID_BACKSLASH = "Invalid backslash sequence";
    public static final String INVALID_QUOTE = "Invalid '\"'";
    public static final String MISSING_QUOTE = "Missing '\"'";
    public static final String MISSING_SEPARATOR = "Missing separator between arguments";

    /**
     * The words of a line, or the error that rejected the whole line.
     *
     * @param words the decoded words; empty when {@code error} is set
     * @param error one of the four error texts of this class, or null
     */
    public record Result(List<String> words, String error) {
        public Result {
            words = List.copyOf(words);
        }

        public boolean isError() {
            return error != null;
        }
    }

    private CliTokenizer() {
    }

    /** Tokenizes one line (without its terminator and without the leading '-'). */
    public static Result tokenize(String line, Dialect dialect) {
        int end = line.indexOf('\0');
        if (end < 0) {
            end = line.length();
        }
        List<String> words = new ArrayList<>();
        int pos = 0;
        int separator = -1;

        while (pos < end) {
            char c = line.charAt(pos);
            if (isSpace(c)) {
                pos++;
                continue;
            }
            if (separator >= 0 && line.charAt(separator) == '"' && c == '"'
                    && (dialect == Dialect.V7_1 || pos - separator < 2)) {
                return new Result(List.of(), MISSING_SEPARATOR);
            }
            separator = -1;

            boolean quoted = c == '"';
            int start = quoted ? ++pos : pos;
            while (pos < end) {
                c = line.charAt(pos);
                if (c == '\\') {
                    int length = escapeLength(line, pos, end);
                    if (length == 0) {
                        return new Result(List.of(), INVALID_BACKSLASH);
                    }
                    pos += length;
                    continue;
                }
                if (!quoted) {
                    if (isSpace(c)) {
                        separator = pos;
                        break;
                    }
                    if (c == '"') {
                        return new Result(List.of(), INVALID_QUOTE);
                    }
                } else if (c == '"') {
                    separator = pos;
                    quoted = false;
                    break;
                }
                pos++;
            }
            if (separator < 0 && quoted) {
                return new Result(List.of(), MISSING_QUOTE);
            }
            words.add(decode(line, start, pos));
            if (pos < end) {
                pos++;
            }
        }
        return new Result(words, null);
    }

    /** True for the bytes C's isspace() accepts in the C locale. */
    public static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * Returns how many chars the escape at {@code pos} spans (the backslash included), or 0 when
     * it is invalid. {@code end} bounds the look-ahead.
     */
    private static int escapeLength(String s, int pos, int end) {
        int available = end - pos;
        if (available < 2) {
            return 0;
        }
        char kind = s.charAt(pos + 1);
        switch (kind) {
            case 'n', 'r', 't', '"', '\\':
                return 2;
            case 'x':
                if (available >= 4 && isHex(s.charAt(pos + 2)) && isHex(s.charAt(pos + 3))) {
                    return 4;
                }
                return 0;
            default:
                if (kind < '0' || kind > '7') {
                    return 0;
                }
                int length = 1;
                while (length < 4 && length < available && isOctal(s.charAt(pos + length))) {
                    length++;
                }
                return length;
        }
    }

    /** Decodes the escapes of s[start, end), which tokenize() has already validated. */
    private static String decode(String s, int start, int end) {
        StringBuilder word = new StringBuilder(end - start);
        int pos = start;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c != '\\') {
                word.append(c);
                pos++;
                continue;
            }
            int length = escapeLength(s, pos, end);
            word.append(escapeValue(s, pos, length));
            pos += length;
        }
        int nul = word.indexOf("\0");
        if (nul >= 0) {
            word.setLength(nul);
        }
        return word.toString();
    }

    private static char escapeValue(String s, int pos, int length) {
        char kind = s.charAt(pos + 1);
        switch (kind) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case '"', '\\':
                return kind;
            case 'x':
                return (char) Integer.parseInt(s.substring(pos + 2, pos + 4), 16);
            default:
                // Octal: C accumulates into a char, so \400 and above wrap modulo 256.
                int value = 0;
                for (int i = 1; i < length; i++) {
                    value = value * 8 + (s.charAt(pos + i) - '0');
                }
                return (char) (value & 0xFF);
        }
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Re-encodes a request for the worker the way the manager forwards it (VSB_quote with no
     * flags): each word is followed by one space, the line ends with LF, and no quotes are added.
     * A word that contains a control byte, {@code "}, {@code \} or a byte above 0x7E is written
     * with C escapes ({@code \\ \" \n \r \t}, other bytes as three octal digits); any other
     * word is copied as is. Consequences: a word with a space splits into several words, an
     * empty word vanishes, and 7.1 writes VT (0x0B) as {@code \v}, which the worker's tokenizer
     * then rejects, where trunk writes {@code \013}.
     *
     * @param argv the command word and its arguments
     * @return the bytes of the forwarded line, LF included
     * @throws IllegalArgumentException if a word holds a char above U+00FF, which is no byte
     */
    public static String encodeForChild(List<String> argv, Dialect dialect) {
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            if (needsEscapes(word)) {
                appendEscaped(line, word, dialect);
            } else {
                line.append(word);
            }
            line.append(' ');
        }
        return line.append('\n').toString();
    }

    private static boolean needsEscapes(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c > 0xFF) {
                throw new IllegalArgumentException("CLI word contains U+"
                        + Integer.toHexString(c) + ", which is not a byte (ISO-8859-1)");
            }
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                return true;
            }
        }
        return false;
    }

    private static void appendEscaped(StringBuilder line, String word, Dialect dialect) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '\\', '"' -> line.append('\\').append(c);
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c == 0x0B && dialect == Dialect.V7_1) {
                        line.append("\\v");
                    } else if (c >= 0x20 && c <= 0x7E) {
                        line.append(c);
                    } else {
                        line.append(String.format("\\%03o", (int) c));
                    }
                }
            }
        }
    }
}
