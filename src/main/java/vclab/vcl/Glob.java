package vclab.vcl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Shell glob matching as fnmatch(3) does it without flags: {@code *}, {@code ?}, {@code [...]}. */
public final class Glob {
    /** How many compiled globs {@link #compile} keeps. */
    private static final int MAX_CACHED = 256;
    /** Compiled globs by their text; a Pattern is immutable and safe to share. */
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Glob() {
    }

    public static boolean matches(String pattern, String text) {
        return compile(pattern).matcher(text).matches();
    }

    /** Compiles a glob; a malformed bracket expression matches only itself literally. */
    public static Pattern compile(String glob) {
        Pattern cached = CACHE.get(glob);
        if (cached != null) {
            return cached;
        }
        Pattern p = translate(glob);
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear();
        }
        CACHE.put(glob, p);
        return p;
    }

    private static Pattern translate(String glob) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    sb.append("\\[");
                } else {
                    String set = glob.substring(i + 1, end);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    sb.append('[').append(set.replace("\\", "\\\\")).append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        try {
            return Pattern.compile(sb.toString(), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(glob));
        }
    }
}
