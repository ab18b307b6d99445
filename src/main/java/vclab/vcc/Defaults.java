package vclab.vcc;

/** Turns the default of a VMOD parameter, as written in a spec, into a model value. */
final class Defaults {
    private Defaults() {
    }

    static VclExpr value(VmodSpec.Arg a) {
        String d = a.defaultValue();
        if (d.equals("null")) {
            return new VclExpr.NullValue(a.type());
        }
        switch (a.type()) {
            case STRING:
            case STRANDS:
                return new VclExpr.StringLiteral(d.startsWith("\"") ? unquote(d) : d);
            case BOOL:
                return new VclExpr.BoolLiteral(d.equals("true") || d.equals("1"));
            case INT:
                return new VclExpr.IntLiteral((long) Double.parseDouble(d));
            case REAL:
                return new VclExpr.RealLiteral(Double.parseDouble(d));
            case DURATION:
                return new VclExpr.DurationLiteral(Double.parseDouble(d));
            case BYTES:
                return new VclExpr.BytesLiteral((long) Double.parseDouble(d));
            case ENUM:
                return new VclExpr.EnumLiteral(d.startsWith("\"") ? unquote(d) : d);
            default:
                return new VclExpr.StringLiteral(d);
        }
    }

    /** The value of a C string literal. */
    static String unquote(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length() - 1) {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n':
                    sb.append('\n');
                    break;
                case 't':
                    sb.append('\t');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                default:
                    sb.append(n);
                    break;
            }
        }
        return sb.toString();
    }
}
