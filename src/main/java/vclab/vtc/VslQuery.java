package vclab.vtc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vclab.vcl.VslRecord;

/**
 * The part of the VSL query language that needs no HTTP: {@code vxid OP N}, {@code TAG} and
 * {@code TAG OP VALUE} (OP one of {@code == != < <= > >= eq ne ~ !~}), combined with
 * {@code and}, {@code or}, {@code not} and parentheses. A transaction matches when one of its
 * records does.
 */
final class VslQuery {
    private final List<String> tokens;
    private int next;

    private VslQuery(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * Compiles a query.
     *
     * @throws IllegalArgumentException with a message naming the unsupported part
     */
    static Predicate<VslRecord> compile(String query) {
        VslQuery q = new VslQuery(tokenize(query));
        Predicate<VslRecord> p = q.orExpression();
        if (q.next != q.tokens.size()) {
            throw new IllegalArgumentException("Query expression error: unexpected '"
                    + q.tokens.get(q.next) + "'");
        }
        return p;
    }

    private Predicate<VslRecord> orExpression() {
        Predicate<VslRecord> p = andExpression();
        while (peek("or")) {
            next++;
            p = p.or(andExpression());
        }
        return p;
    }

    private Predicate<VslRecord> andExpression() {
        Predicate<VslRecord> p = factor();
        while (peek("and")) {
            next++;
            p = p.and(factor());
        }
        return p;
    }

    private Predicate<VslRecord> factor() {
        if (peek("not")) {
            next++;
            return factor().negate();
        }
        if (peek("(")) {
            next++;
            Predicate<VslRecord> p = orExpression();
            expect(")");
            return p;
        }
        return comparison();
    }

    private Predicate<VslRecord> comparison() {
        String lhs = take("a tag name or vxid");
        if (lhs.startsWith("{") || lhs.contains(":") || lhs.contains("[") || lhs.contains(",")
                || lhs.contains("*")) {
            throw new IllegalArgumentException("query term '" + lhs + "' is not supported by"
                    + " vclab (only tag and vxid matches; no levels, fields or tag lists)");
        }
        boolean vxid = lhs.equals("vxid");
        String tag = vxid ? null : VslTags.lookup(lhs);
        if (!vxid && tag == null) {
            throw new IllegalArgumentException("Query expression error: unknown tag '" + lhs
                    + "'");
        }
        if (next >= tokens.size() || isKeyword(tokens.get(next))) {
            if (vxid) {
                throw new IllegalArgumentException("Query expression error: vxid needs an"
                        + " operator and a number");
            }
            return r -> r.tag().equals(tag);
        }
        String op = take("an operator");
        String rhs = take("a value");
        Predicate<String> test = operand(op, rhs);
        if (vxid) {
            return r -> test.test(Long.toString(r.vxid()));
        }
        return r -> r.tag().equals(tag) && test.test(r.payload());
    }

    private static Predicate<String> operand(String op, String rhs) {
        switch (op) {
            case "eq":
                return s -> s.equals(rhs);
            case "ne":
                return s -> !s.equals(rhs);
            case "~":
                Pattern re = Pattern.compile(rhs);
                return s -> re.matcher(s).find();
            case "!~":
                Pattern nre = Pattern.compile(rhs);
                return s -> !nre.matcher(s).find();
            case "==", "!=", "<", "<=", ">", ">=":
                double value;
                try {
                    value = Double.parseDouble(rhs);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Query expression error: '" + rhs
                            + "' is not a number");
                }
                return s -> compareNumber(s, op, value);
            default:
                throw new IllegalArgumentException("Query expression error: unknown operator '"
                        + op + "'");
        }
    }

    private static boolean compareNumber(String payload, String op, double value) {
        String first = payload.strip().split("\\s+", 2)[0];
        double v;
        try {
            v = Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (op) {
            case "==" -> v == value;
            case "!=" -> v != value;
            case "<" -> v < value;
            case "<=" -> v <= value;
            case ">" -> v > value;
            default -> v >= value;
        };
    }

    private boolean peek(String word) {
        return next < tokens.size() && tokens.get(next).equals(word);
    }

    private static boolean isKeyword(String t) {
        return t.equals("and") || t.equals("or") || t.equals(")");
    }

    private void expect(String word) {
        if (!peek(word)) {
            throw new IllegalArgumentException("Query expression error: expected '" + word
                    + "'");
        }
        next++;
    }

    private String take(String what) {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("Query expression error: expected " + what);
        }
        return tokens.get(next++);
    }

    private static List<String> tokenize(String q) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"' || c == '\'') {
                int end = q.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Query expression error: missing "
                            + c);
                }
                out.add(q.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i))
                        && q.charAt(i) != '(' && q.charAt(i) != ')') {
                    i++;
                }
                out.add(q.substring(start, i));
            }
        }
        return out;
    }
}
