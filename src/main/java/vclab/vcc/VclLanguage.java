package vclab.vcc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vclab.cli.Dialect;

/**
 * The methods, return actions and built-in variables of one Varnish release, read from
 * language-7.1.txt or language-8.0.txt. Method sets are bit masks with VCC's numbering:
 * the n-th method (from 0, in Varnish's order) is bit n + 1, and the n-th return action in
 * alphabetical order is number n + 1.
 */
final class VclLanguage {
    /** A method: {@code name} without the "vcl_" prefix, task C, B or H. */
    record Method(String name, char task, int bit, int returnMask) {
        String vclName() {
            return "vcl_" + name;
        }
    }

    /** A built-in variable; a wildcard one (req.http) makes header variables on demand. */
    record Variable(String name, VccType type, int lorev, int hirev, boolean wildcard,
            int readable, int writable, int unsettable) {
    }

    record Alias(String name, String target) {
    }

    final List<Method> methods;
    /** Return actions in alphabetical order; action i has number i + 1. */
    final List<String> returns;
    final List<Variable> variables;
    final List<Alias> aliases;

    private VclLanguage(List<Method> methods, List<String> returns, List<Variable> variables,
            List<Alias> aliases) {
        this.methods = List.copyOf(methods);
        this.returns = List.copyOf(returns);
        this.variables = List.copyOf(variables);
        this.aliases = List.copyOf(aliases);
    }

    static VclLanguage of(Dialect dialect) {
        return dialect == Dialect.V7_1 ? Tables.V7_1 : Tables.TRUNK;
    }

    Method method(String vclName) {
        for (Method m : methods) {
            if (m.vclName().equals(vclName)) {
                return m;
            }
        }
        return null;
    }

    /** The number of a return action (VCL_RET_*), or -1. */
    int returnNumber(String action) {
        int i = returns.indexOf(action);
        return i < 0 ? -1 : i + 1;
    }

    /** The methods of one task ('C', 'B', 'H'). */
    int taskMask(char task) {
        int m = 0;
        for (Method x : methods) {
            if (x.task == task) {
                m |= x.bit;
            }
        }
        return m;
    }

    int allMethods() {
        int m = 0;
        for (Method x : methods) {
            m |= x.bit;
        }
        return m;
    }

    private static final class Tables {
        static final VclLanguage V7_1 = load("language-7.1.txt");
        static final VclLanguage TRUNK = load("language-8.0.txt");
    }

    private static VclLanguage load(String resource) {
        String text;
        try (InputStream in = VclLanguage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        List<String[]> methodLines = new ArrayList<>();
        List<String[]> varLines = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        TreeSet<String> returns = new TreeSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.trim().split("\\s+");
            switch (w[0]) {
                case "method":
                    methodLines.add(w);
                    returns.addAll(List.of(w[3].split(",")));
                    break;
                case "var":
                    varLines.add(w);
                    break;
                case "alias":
                    aliases.add(new Alias(w[1], w[2]));
                    break;
                default:
                    throw new IllegalStateException(resource + ": bad line '" + line + "'");
            }
        }
        List<String> sortedReturns = new ArrayList<>(returns);
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < methodLines.size(); i++) {
            String[] w = methodLines.get(i);
            int mask = 0;
            for (String r : w[3].split(",")) {
                mask |= 1 << (sortedReturns.indexOf(r) + 1);
            }
            methods.add(new Method(w[1], w[2].charAt(0), 1 << (i + 1), mask));
        }
        List<Variable> vars = new ArrayList<>();
        for (String[] w : varLines) {
            vars.add(new Variable(w[1], VccType.byName(w[2]), Integer.parseInt(w[3]),
                    Integer.parseInt(w[4]), w[5].equals("wildcard"), mask(methods, w[6]),
                    mask(methods, w[7]), mask(methods, w[8])));
        }
        return new VclLanguage(methods, sortedReturns, vars, aliases);
    }

    private static int mask(List<Method> methods, String list) {
        int m = 0;
        if (list.equals("-")) {
            return 0;
        }
        for (String n : list.split(",")) {
            for (Method x : methods) {
                if (x.name.equals(n)) {
                    m |= x.bit;
                }
            }
        }
        return m;
    }
}
