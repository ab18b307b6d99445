package vclab.cli;

import java.util.List;

/**
 * String escaping as varnishd's VSB_quote does it, in its JSON form and in its plain C form.
 * CLI text carries bytes as chars 0-255 (Latin-1), so every char here stands for one byte.
 */
public final class CliQuote {
    private CliQuote() {
    }

    /**
     * Escapes a string for the inside of a JSON string literal: {@code "} and {@code \} with a
     * backslash, LF, CR and TAB as {@code \n \r \t}, other bytes below 0x20 as {@code \}{@code
     * u00xx}. Bytes from 0x7F up are copied. 7.1 writes byte 0x0B as {@code \v}, which is not
     * valid JSON.
     */
    public static String json(Dialect dialect, String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == 0x0b && dialect.writesVerticalTabAsV()) {
                        sb.append("\\v");
                    } else if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Escapes a string C style, as varnishd does when it shows a string parameter and when it
     * passes a command on to the worker: {@code \\ \" \n \r \t}, and other bytes outside
     * 0x20-0x7E as three octal digits. 7.1 writes byte 0x0B as {@code \v}.
     */
    public static String cString(Dialect dialect, String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == 0x0b && dialect.writesVerticalTabAsV()) {
                        sb.append("\\v");
                    } else if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\%03o", c & 0xff));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Builds the line the manager sends to the worker for a command it does not handle itself:
     * every word C-escaped and followed by one space, no quotes, then LF. Words with spaces
     * therefore split, and empty words disappear, on the worker's side (both releases).
     */
    public static String childCommandLine(Dialect dialect, List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String word : argv) {
            sb.append(cString(dialect, word)).append(' ');
        }
        return sb.append('\n').toString();
    }
}
