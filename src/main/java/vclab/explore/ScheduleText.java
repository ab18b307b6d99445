package vclab.explore;

import java.util.ArrayList;
import java.util.List;

/** Words, quoting and comments of the schedule text format. */
final class ScheduleText {
    /** The words of a line and its comment (the text after an unquoted '#'), or null. */
    record Line(List<String> words, String comment) {
    }

    private ScheduleText() {
    }

    /** Quotes a word with double quotes, escaping quotes and backslashes. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            if (c == '\n') {
                sb.append("\\n");
                continue;
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    static Line tokenize(String line, String where) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                return new Line(words, line.substring(i + 1).strip());
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException(where + ": unterminated quote");
                    }
                    char d = line.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && i < n) {
                        char e = line.charAt(i++);
                        sb.append(e == 'n' ? '\n' : e);
                    } else {
                        sb.append(d);
                    }
                }
                words.add(sb.toString());
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                words.add(line.substring(start, i));
            }
        }
        return new Line(words, null);
    }

    static String single(List<String> words, String where) {
        if (words.size() != 2) {
            throw new IllegalArgumentException(where + ": '" + words.get(0)
                    + "' takes exactly one value");
        }
        return words.get(1);
    }

    static long number(String word, String where) {
        try {
            long v = Long.parseLong(word);
            if (v < -1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": invalid number '" + word + "'");
        }
    }
}
