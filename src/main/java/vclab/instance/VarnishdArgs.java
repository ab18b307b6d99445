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
}
