package vclab.instance;

import java.util.ArrayList;
import java.util.List;

/**
 * varnishd's command line as getopt reads it with varnishd's option string
 * ({@code ?a:b:Cdf:Fh:i:I:j:l:M:n:P:p:r:S:s:T:t:VW:x:}): the options vclab uses, in order,
 * and the first error in varnishd's words.
 */
final class VarnishdArgs {
    private static final String WITH_VALUE = "abfhiIjlMnPprSsTtWx";
    private static final String FLAGS = "CdFV?";

    final List<String[]> options = new ArrayList<>();
    String error;

    static VarnishdArgs parse(List<String> argv) {
        VarnishdArgs a = new VarnishdArgs();
        int i = 0;
        while (i < argv.size()) {
            String w = argv.get(i);
            if (!w.startsWith("-") || w.equals("-")) {
                a.error = "Too many arguments (" + w + "...)";
                return a;
            }
            if (w.equals("--")) {
                i++;
                if (i < argv.size()) {
                    a.error = "Too many arguments (" + argv.get(i) + "...)";
                }
                return a;
            }
            int j = 1;
            while (j < w.length()) {
                char c = w.charAt(j);
                if (FLAGS.indexOf(c) >= 0) {
                    a.options.add(new String[] {String.valueOf(c), null});
                    j++;
                    continue;
                }
                if (WITH_VALUE.indexOf(c) < 0) {
                    a.error = "invalid option -- '" + c + "'";
                    return a;
                }
                String value;
                if (j + 1 < w.length()) {
                    value = w.substring(j + 1);
                } else if (i + 1 < argv.size()) {
                    value = argv.get(++i);
                } else {
                    a.error = "option requires an argument -- '" + c + "'";
                    return a;
                }
                a.options.add(new String[] {String.valueOf(c), value});
                break;
            }
            i++;
        }
        return a;
    }

    /** The values of option {@code letter}, in order. */
    List<String> all(char letter) {
        List<String> out = new ArrayList<>();
        for (String[] o : options) {
            if (o[0].charAt(0) == letter) {
                out.add(o[1]);
            }
        }
        return out;
    }

    /** The last value of option {@code letter}, or null. */
    String last(char letter) {
        List<String> v = all(letter);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    boolean has(char letter) {
        return !all(letter).isEmpty();
    }

    /**
     * Splits a command line as /bin/sh would for simple words: single and double quotes,
     * backslash escapes. varnishtest hands {@code -arg} strings to a shell this way.
     */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length()
                        && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
