package vclab.vcc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads VMOD declarations in vclab's text format. One declaration per line; a declaration
 * continues on the next lines while its parentheses are open. '#' starts a comment line.
 *
 * <pre>
 * vmod NAME                          first declaration
 * event                              the VMOD has an event function
 * func TYPE NAME(ARGS)               a function
 * object NAME(ARGS) [null_ok]        an object class and its constructor's parameters
 * method CLASS TYPE NAME(ARGS)       a method of an object class
 * alias NAME TARGET                  another name for a function or method
 * </pre>
 *
 * ARGS is a comma-separated list of {@code TYPE [NAME] [= DEFAULT]}, where TYPE is a VCL
 * type, {@code ENUM{A,B}} or a PRIV_* scope. Brackets around a parameter make it optional.
 * A DEFAULT is a double-quoted string with C escapes, a number, true, false, null (no value)
 * or an ENUM value.
 */
public final class VmodSpecParser {
    private final String origin;
    private String name;
    private boolean hasEvent;
    private final List<VmodSpec.Function> functions = new ArrayList<>();
    private final List<VmodSpec.ObjectClass> objects = new ArrayList<>();
    private final List<VmodSpec.Alias> aliases = new ArrayList<>();

    private VmodSpecParser(String origin) {
        this.origin = origin;
    }

    /**
     * Parses one VMOD's declarations.
     *
     * @param origin the file name, for error messages
     * @throws IllegalArgumentException naming the origin and line of the first error
     */
    public static VmodSpec parse(String origin, String text) {
        VmodSpecParser p = new VmodSpecParser(origin);
        String[] lines = text.split("\n", -1);
        StringBuilder decl = new StringBuilder();
        int startLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (decl.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (decl.length() == 0) {
                startLine = i + 1;
            } else {
                decl.append(' ');
            }
            decl.append(line);
            if (depth(decl) <= 0) {
                p.declaration(decl.toString(), startLine);
                decl.setLength(0);
            }
        }
        if (decl.length() > 0) {
            throw p.error(startLine, "unclosed parenthesis");
        }
        if (p.name == null) {
            throw p.error(1, "missing 'vmod NAME' declaration");
        }
        return new VmodSpec(p.name, p.hasEvent, p.functions, p.objects, p.aliases);
    }

    private static int depth(CharSequence s) {
        int d = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                d++;
            } else if (!quoted && c == ')') {
                d--;
            }
        }
        return d;
    }

    private IllegalArgumentException error(int line, String what) {
        return new IllegalArgumentException(origin + ":" + line + ": " + what);
    }

    private void declaration(String decl, int line) {
        String[] words = decl.split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        if (name == null && !words[0].equals("vmod")) {
            throw error(line, "expected 'vmod NAME' before '" + words[0] + "'");
        }
        switch (words[0]) {
            case "vmod":
                name = rest.strip();
                break;
            case "event":
                hasEvent = true;
                break;
            case "func":
                functions.add(function(rest, line));
                break;
            case "object":
                object(rest, line);
                break;
            case "method":
                method(rest, line);
                break;
            case "alias":
                String[] a = rest.strip().split("\\s+");
                if (a.length != 2) {
                    throw error(line, "expected 'alias NAME TARGET'");
                }
                aliases.add(new VmodSpec.Alias(a[0], a[1]));
                break;
            default:
                throw error(line, "unknown declaration '" + words[0] + "'");
        }
    }

    /** Parses "TYPE NAME(ARGS)". */
    private VmodSpec.Function function(String s, int line) {
        String[] w = s.split("\\s+", 2);
        if (w.length != 2) {
            throw error(line, "expected 'TYPE NAME(ARGS)'");
        }
        VclType ret = type(w[0], line);
        return signature(w[1], ret, line);
    }

    private VmodSpec.Function signature(String s, VclType ret, int line) {
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw error(line, "expected 'NAME(ARGS)'");
        }
        String fname = s.substring(0, open).strip();
        return new VmodSpec.Function(fname, ret, args(s.substring(open + 1, close), line));
    }

    private void object(String s, int line) {
        int close = s.lastIndexOf(')');
        if (close < 0) {
            throw error(line, "expected 'NAME(ARGS)'");
        }
        String flags = s.substring(close + 1).strip();
        if (!flags.isEmpty() && !flags.equals("null_ok")) {
            throw error(line, "unknown object flag '" + flags + "'");
        }
        VmodSpec.Function ctor = signature(s.substring(0, close + 1), VclType.VOID, line);
        objects.add(new VmodSpec.ObjectClass(ctor.name(), !flags.isEmpty(), ctor, List.of()));
    }

    private void method(String s, int line) {
        String[] w = s.split("\\s+", 2);
        int at = -1;
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).name().equals(w[0])) {
                at = i;
            }
        }
        if (at < 0 || w.length < 2) {
            throw error(line, "method of unknown object class '" + w[0] + "'");
        }
        VmodSpec.ObjectClass o = objects.get(at);
        List<VmodSpec.Function> methods = new ArrayList<>(o.methods());
        methods.add(function(w[1], line));
        objects.set(at, new VmodSpec.ObjectClass(o.name(), o.nullOk(), o.constructor(), methods));
    }

    private List<VmodSpec.Arg> args(String s, int line) {
        List<VmodSpec.Arg> out = new ArrayList<>();
        for (String a : splitArgs(s)) {
            if (!a.isBlank()) {
                out.add(arg(a.strip(), line));
            }
        }
        return out;
    }

    /** Splits at commas outside quotes and braces. */
    private static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private VmodSpec.Arg arg(String s, int line) {
        boolean optional = s.startsWith("[");
        if (optional) {
            if (!s.endsWith("]")) {
                throw error(line, "unclosed '[' in '" + s + "'");
            }
            s = s.substring(1, s.length() - 1).strip();
        }
        String dflt = null;
        int eq = indexOutsideQuotes(s, '=');
        if (eq >= 0) {
            dflt = s.substring(eq + 1).strip();
            s = s.substring(0, eq).strip();
        }
        List<String> enums = List.of();
        String typeText;
        String argName = null;
        if (s.startsWith("ENUM")) {
            int close = s.indexOf('}');
            if (!s.startsWith("ENUM{") || close < 0) {
                throw error(line, "expected 'ENUM{A,B,...}' in '" + s + "'");
            }
            enums = new ArrayList<>();
            for (String v : s.substring(5, close).split(",")) {
                enums.add(v.strip());
            }
            typeText = "ENUM";
            argName = s.substring(close + 1).strip();
        } else {
            String[] w = s.split("\\s+", 2);
            typeText = w[0];
            argName = w.length > 1 ? w[1].strip() : null;
        }
        if (argName != null && argName.isEmpty()) {
            argName = null;
        }
        if (typeText.startsWith("PRIV_")) {
            if (!List.of("PRIV_CALL", "PRIV_VCL", "PRIV_TASK", "PRIV_TOP").contains(typeText)) {
                throw error(line, "unknown PRIV scope '" + typeText + "'");
            }
            return new VmodSpec.Arg(null, argName, null, List.of(), false, typeText);
        }
        return new VmodSpec.Arg(type(typeText, line), argName, dflt, enums, optional, null);
    }

    private static int indexOutsideQuotes(String s, char c) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (x == '\\' && quoted) {
                i++;
            } else if (x == '"') {
                quoted = !quoted;
            } else if (!quoted && x == c) {
                return i;
            }
        }
        return -1;
    }

    private VclType type(String s, int line) {
        try {
            VclType t = VclType.valueOf(s.toUpperCase(Locale.ROOT));
            if (!s.equals(t.name())) {
                throw new IllegalArgumentException(s);
            }
            return t;
        } catch (IllegalArgumentException e) {
            throw error(line, "unknown type '" + s + "'");
        }
    }
}
