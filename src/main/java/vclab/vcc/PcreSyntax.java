package vclab.vcc;

import java.util.ArrayList;
import java.util.List;

/**
 * A syntax check of PCRE2 patterns that reports the compile errors VCL authors usually
 * make, with PCRE2's messages, scanning left to right as PCRE2 does.
 *
 * <p>NOTE: this is not PCRE2. It accepts some patterns PCRE2 rejects (rare escapes, verbs,
 * Unicode properties are not checked) and it does not compile anything.
 */
final class PcreSyntax {
    private final String p;
    private int i;
    private int groups;
    private final List<Integer> backrefs = new ArrayList<>();

    private PcreSyntax(String p) {
        this.p = p;
    }

    /** Returns PCRE2's message for the first error in the pattern, or null. */
    static String check(String pattern) {
        PcreSyntax s = new PcreSyntax(pattern);
        try {
            s.alternation(0);
            if (s.i < s.p.length()) {
                return "unmatched closing parenthesis";
            }
            for (int r : s.backrefs) {
                if (r > s.groups) {
                    return "reference to non-existent subpattern";
                }
            }
            return null;
        } catch (Failure f) {
            return f.getMessage();
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String m) {
            super(m, null, false, false);
        }
    }

    /** Parses alternatives; returns their common length, or -1 if lengths vary. */
    private int alternation(int depth) {
        int len = sequence(depth);
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            int branch = sequence(depth);
            if (branch != len) {
                len = -1;
            }
        }
        return len;
    }

    /** Parses one branch; returns its length, or -1 if it varies. */
    private int sequence(int depth) {
        int len = 0;
        int last = ATOM_ASSERTION;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '|') {
                break;
            }
            if (c == ')') {
                if (depth == 0) {
                    throw new Failure("unmatched closing parenthesis");
                }
                break;
            }
            if (c == '*' || c == '+' || c == '?' || c == '{' && isQuantifier(i)) {
                if (last == ATOM_ASSERTION) {
                    throw new Failure("quantifier does not follow a repeatable item");
                }
                int count = quantifier();
                if (len >= 0 && last >= 0 && count >= 0) {
                    len += last * (count - 1);
                } else {
                    len = -1;
                }
                last = ATOM_ASSERTION;
                continue;
            }
            last = atom(depth);
            if (last == ATOM_ASSERTION) {
                continue;
            }
            len = last < 0 || len < 0 ? -1 : len + last;
        }
        return len;
    }

    private static final int ATOM_VARIABLE = -1;
    private static final int ATOM_ASSERTION = -2;

    private boolean isQuantifier(int at) {
        int j = at + 1;
        int digits = 0;
        while (j < p.length() && Character.isDigit(p.charAt(j))) {
            j++;
            digits++;
        }
        if (j < p.length() && p.charAt(j) == ',') {
            j++;
            while (j < p.length() && Character.isDigit(p.charAt(j))) {
                j++;
                digits++;
            }
        }
        return digits > 0 && j < p.length() && p.charAt(j) == '}';
    }

    /** Consumes a quantifier; returns n for an exact count {n}, else -1. */
    private int quantifier() {
        char c = p.charAt(i++);
        int count = -1;
        if (c == '{') {
            long lo = number();
            long hi = lo;
            if (p.charAt(i) == ',') {
                i++;
                hi = Character.isDigit(p.charAt(i)) ? number() : -1;
            } else {
                count = (int) Math.min(lo, 65536);
            }
            i++;
            if (lo > 65535 || hi > 65535) {
                throw new Failure("number too big in {} quantifier");
            }
            if (hi >= 0 && hi < lo) {
                throw new Failure("numbers out of order in {} quantifier");
            }
        }
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;
        }
        return count;
    }

    private long number() {
        long v = 0;
        while (i < p.length() && Character.isDigit(p.charAt(i))) {
            v = Math.min(v * 10 + (p.charAt(i++) - '0'), 1L << 40);
        }
        return v;
    }

    /** Parses one atom; returns its length, ATOM_VARIABLE or ATOM_ASSERTION. */
    private int atom(int depth) {
        char c = p.charAt(i);
        switch (c) {
            case '(':
                return group(depth);
            case '[':
                characterClass();
                return 1;
            case '\\':
                return escape(false);
            case '^':
            case '$':
                i++;
                return ATOM_ASSERTION;
            case '.':
            default:
                i++;
                return 1;
        }
    }

    private int group(int depth) {
        i++;
        boolean capture = true;
        boolean lookbehind = false;
        boolean assertion = false;
        if (i < p.length() && p.charAt(i) == '?') {
            capture = false;
            i++;
            if (i >= p.length()) {
                throw new Failure("missing closing parenthesis");
            }
            char c = p.charAt(i);
            if (c == '#') {
                int end = p.indexOf(')', i);
                if (end < 0) {
                    throw new Failure("missing ) after (?# comment");
                }
                i = end + 1;
                return ATOM_ASSERTION;
            } else if (c == ':' || c == '>' || c == '|') {
                i++;
            } else if (c == '=' || c == '!') {
                i++;
                assertion = true;
            } else if (c == '<' && i + 1 < p.length()
                    && (p.charAt(i + 1) == '=' || p.charAt(i + 1) == '!')) {
                i += 2;
                assertion = true;
                lookbehind = true;
            } else if (c == '<' || c == 'P' || c == '\'') {
                capture = true;
                int end = p.indexOf(c == '\'' ? '\'' : '>', i);
                if (end < 0) {
                    throw new Failure("syntax error in subpattern name (missing terminator?)");
                }
                i = end + 1;
            } else {
                while (i < p.length() && "imnsxJU-^".indexOf(p.charAt(i)) >= 0) {
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ')') {
                    i++;
                    return ATOM_ASSERTION;
                }
                if (i < p.length() && p.charAt(i) == ':') {
                    i++;
                } else {
                    throw new Failure("unrecognized character after (? or (?-");
                }
            }
        }
        if (capture) {
            groups++;
        }
        int len = alternation(depth + 1);
        if (i >= p.length()) {
            throw new Failure("missing closing parenthesis");
        }
        i++;
        if (lookbehind && len < 0) {
            throw new Failure("lookbehind assertion is not fixed length");
        }
        return assertion ? ATOM_ASSERTION : len;
    }

    private void characterClass() {
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= p.length()) {
                throw new Failure("missing terminating ] for character class");
            }
            char c = p.charAt(i);
            if (c == ']' && !first) {
                i++;
                return;
            }
            first = false;
            int value;
            if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int end = p.indexOf(":]", i + 2);
                if (end >= 0) {
                    String name = p.substring(i + 2, end);
                    if (!POSIX.contains(name.startsWith("^") ? name.substring(1) : name)) {
                        throw new Failure("unknown POSIX class name");
                    }
                    i = end + 2;
                    continue;
                }
            }
            if (c == '\\') {
                value = escape(true);
            } else {
                value = c;
                i++;
            }
            if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']'
                    && value >= 0) {
                i++;
                int hi;
                char d = p.charAt(i);
                if (d == '\\') {
                    hi = escape(true);
                } else {
                    hi = d;
                    i++;
                }
                if (hi >= 0 && hi < value) {
                    throw new Failure("range out of order in character class");
                }
            }
        }
    }

    private static final List<String> POSIX = List.of("alpha", "alnum", "ascii", "blank",
            "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word",
            "xdigit");

    /**
     * Consumes an escape. In a class returns the character value (-1 for a class like
     * \d); outside returns the atom length like {@link #atom}.
     */
    private int escape(boolean inClass) {
        i++;
        if (i >= p.length()) {
            throw new Failure("\\ at end of pattern");
        }
        char c = p.charAt(i++);
        if (Character.isDigit(c) && c != '0' && !inClass) {
            int n = c - '0';
            while (i < p.length() && Character.isDigit(p.charAt(i))) {
                n = n * 10 + (p.charAt(i++) - '0');
            }
            backrefs.add(n);
            return ATOM_VARIABLE;
        }
        switch (c) {
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
            case 'G':
                return inClass ? c == 'b' ? 8 : -1 : ATOM_ASSERTION;
            case 'd':
            case 'D':
            case 'w':
            case 'W':
            case 's':
            case 'S':
            case 'h':
            case 'H':
            case 'v':
            case 'V':
            case 'N':
            case 'R':
            case 'X':
                return inClass ? -1 : 1;
            case 'n':
                return inClass ? '\n' : 1;
            case 't':
                return inClass ? '\t' : 1;
            case 'r':
                return inClass ? '\r' : 1;
            case 'x':
                return hexEscape(inClass);
            case 'Q':
                int end = p.indexOf("\\E", i);
                i = end < 0 ? p.length() : end + 2;
                return ATOM_VARIABLE;
            case 'E':
                return ATOM_ASSERTION;
            default:
                if (Character.isLetter(c) && "pPkgcoeafuLlK".indexOf(c) < 0) {
                    throw new Failure("unrecognized character follows \\");
                }
                return inClass ? c : 1;
        }
    }

    private int hexEscape(boolean inClass) {
        int v = 0;
        if (i < p.length() && p.charAt(i) == '{') {
            int end = p.indexOf('}', i);
            if (end > i + 1) {
                v = Integer.parseInt(p.substring(i + 1, end), 16);
                i = end + 1;
            }
        } else {
            int n = 0;
            while (n < 2 && i < p.length() && Character.digit(p.charAt(i), 16) >= 0) {
                v = v * 16 + Character.digit(p.charAt(i++), 16);
                n++;
            }
        }
        return inClass ? v : 1;
    }
}
