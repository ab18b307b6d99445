package vclab.vcc;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Lexer;

/**
 * Splits one source into VCC tokens with the generated {@link VclLexer} and reports lexical
 * errors with VCC's texts (vcc_Lexer). The list ends with an EOI token.
 */
final class VclTokenizer {
    private final Source src;
    private final ErrorBuffer out;
    /** Varnish 8.0 rejects an exponent after a real number ("1.5e3"). */
    private final boolean rejectExponent;
    private final List<VclToken> tokens = new ArrayList<>();

    private VclTokenizer(Source src, ErrorBuffer out, boolean rejectExponent) {
        this.src = src;
        this.out = out;
        this.rejectExponent = rejectExponent;
    }

    /** Returns the tokens of the source, or null after reporting an error to {@code out}. */
    static List<VclToken> tokenize(Source src, ErrorBuffer out, boolean rejectExponent) {
        return new VclTokenizer(src, out, rejectExponent).run();
    }

    private List<VclToken> run() {
        VclLexer lexer = new VclLexer(CharStreams.fromString(src.text));
        lexer.removeErrorListeners();
        while (true) {
            org.antlr.v4.runtime.Token a = lexer.nextToken();
            if (a.getType() == Lexer.EOF) {
                break;
            }
            int b = a.getStartIndex();
            int e = a.getStopIndex() + 1;
            if (!accept(a.getType(), b, e)) {
                return null;
            }
        }
        int end = src.text.length();
        tokens.add(new VclToken(Tok.EOI, src, end, end));
        return tokens;
    }

    /** Converts one lexer token; returns false after reporting an error. */
    private boolean accept(int type, int b, int e) {
        switch (type) {
            case VclLexer.BLOCK_COMMENT:
                return checkComment(b, e);
            case VclLexer.OPEN_BLOCK_COMMENT:
                return checkComment(b, src.text.length() + 2)
                        && fail("Unterminated /* ... */ comment, starting at\n", b, b + 2);
            case VclLexer.BLOB:
                return blob(b);
            case VclLexer.LONG_STRING_QUOTES:
            case VclLexer.LONG_STRING_BRACES:
                int d = type == VclLexer.LONG_STRING_QUOTES ? 3 : 2;
                return add(new VclToken(Tok.CSTR, src, b, e, src.text.substring(b + d, e - d), 0,
                        null));
            case VclLexer.STRING:
                return add(new VclToken(Tok.CSTR, src, b, e, src.text.substring(b + 1, e - 1), 0,
                        null));
            case VclLexer.OPEN_LONG_STRING_QUOTES:
                return fail("Unterminated long-string, starting at\n", b, b + 3);
            case VclLexer.OPEN_LONG_STRING_BRACES:
                return fail("Unterminated long-string, starting at\n", b, b + 2);
            case VclLexer.OPEN_STRING:
                return fail("Unterminated string, starting at\n", b, b + 1);
            case VclLexer.C_SOURCE:
                return add(new VclToken(Tok.CSRC, src, b, e));
            case VclLexer.OPEN_C_SOURCE:
                return fail("Unterminated inline C source, starting at\n", b, b + 2);
            case VclLexer.CNUM:
                return integer(b, e);
            case VclLexer.FNUM:
                return real(b, e);
            case VclLexer.ID:
                return add(new VclToken(Tok.ID, src, b, e));
            case VclLexer.INVALID:
                return fail("Syntax error at\n", b, b + 1);
            default:
                return add(new VclToken(fixedToken(type), src, b, e));
        }
    }

    private boolean add(VclToken t) {
        tokens.add(t);
        return true;
    }

    private boolean fail(String message, int b, int e) {
        out.cat(message);
        out.errWhere(new VclToken(Tok.EOI, src, b, Math.min(e, src.text.length())));
        return false;
    }

    /** VCC rejects a comment opener inside a comment, marking both openers. */
    private boolean checkComment(int b, int e) {
        int nested = src.text.indexOf("/*", b + 2);
        if (nested < 0 || nested >= e - 2) {
            return true;
        }
        out.cat("/* ... */ comment contains /*\n");
        out.errWhere(new VclToken(Tok.EOI, src, b, b + 2));
        out.errWhere(new VclToken(Tok.EOI, src, nested, nested + 2));
        return false;
    }

    private boolean integer(int b, int e) {
        double num = Double.parseDouble(src.text.substring(b, e));
        VclToken t = new VclToken(Tok.CNUM, src, b, e, null, num, null);
        tokens.add(t);
        if (e - b > 15) {
            out.cat("Too many digits for integer.\n");
            out.errWhere(t);
            return false;
        }
        if (strtodOverruns(b, e)) {
            throw VccAssertion.numberOverrun(dialect(), false);
        }
        return true;
    }

    private vclab.cli.Dialect dialect() {
        return rejectExponent ? vclab.cli.Dialect.TRUNK : vclab.cli.Dialect.V7_1;
    }

    /**
     * Returns whether C's strtod, which VCC reads the value with, goes beyond the token:
     * an exponent ("10e5") or, after a lone "0", a hexadecimal number ("0x1f").
     */
    private boolean strtodOverruns(int b, int e) {
        String s = src.text;
        int n = s.length();
        if (e < n && (s.charAt(e) == 'e' || s.charAt(e) == 'E')) {
            int i = e + 1;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            return i < n && Character.isDigit(s.charAt(i));
        }
        if (e - b == 1 && s.charAt(b) == '0' && e < n
                && (s.charAt(e) == 'x' || s.charAt(e) == 'X')) {
            int i = e + 1;
            if (i < n && s.charAt(i) == '.') {
                i++;
            }
            return i < n && Character.digit(s.charAt(i), 16) >= 0;
        }
        return false;
    }

    private boolean real(int b, int e) {
        int dot = src.text.indexOf('.', b);
        double num = Double.parseDouble(src.text.substring(b, e));
        VclToken t = new VclToken(Tok.FNUM, src, b, e, null, num, null);
        tokens.add(t);
        if (dot + 1 - b > 13 || e - (dot + 1) > 3) {
            out.cat("Too many digits for real.\n");
            out.errWhere(t);
            return false;
        }
        char next = e < src.text.length() ? src.text.charAt(e) : '\0';
        if (rejectExponent && (next == 'e' || next == 'E')) {
            out.cat("Unexpected character '").cat(next).cat("'.\n");
            out.errWhere(new VclToken(Tok.FNUM, src, b, e + 1));
            return false;
        }
        if (strtodOverruns(b, e)) {
            throw VccAssertion.numberOverrun(dialect(), true);
        }
        return true;
    }

    /**
     * Reads a BLOB literal ":<base64>:". Like VCC, it decodes from the colon up to a length
     * that is a multiple of 4 before the end of the source and judges where decoding
     * stopped.
     */
    private boolean blob(int p) {
        String s = src.text;
        int end = s.length();
        int q = end - (end - (p + 1)) % 4;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int r = Base64Decoder.decode(s, p + 1, q, bytes);
        if (r < 0) {
            return fail("Missing colon at end of BLOB:\n", p, q + 1);
        }
        char at = r < end ? s.charAt(r) : '\0';
        VclToken t = new VclToken(Tok.CBLOB, src, p, Math.min(r + 1, end), null, 0,
                bytes.toByteArray());
        if (at == ':' && (r - p) % 4 != 1) {
            return fail("BLOB must have n*4 base64 characters\n", t);
        }
        if (at == '=') {
            return fail("Wrong padding ('=') in BLOB:\n", t);
        }
        if (at != ':') {
            return fail("Illegal BLOB character:\n", t);
        }
        tokens.add(t);
        return true;
    }

    private boolean fail(String message, VclToken t) {
        out.cat(message);
        out.errWhere(t);
        return false;
    }

    private static Tok fixedToken(int type) {
        switch (type) {
            case VclLexer.INC: return Tok.INC;
            case VclLexer.DEC: return Tok.DEC;
            case VclLexer.CAND: return Tok.CAND;
            case VclLexer.COR: return Tok.COR;
            case VclLexer.LEQ: return Tok.LEQ;
            case VclLexer.EQ: return Tok.EQ;
            case VclLexer.NEQ: return Tok.NEQ;
            case VclLexer.GEQ: return Tok.GEQ;
            case VclLexer.SHR: return Tok.SHR;
            case VclLexer.SHL: return Tok.SHL;
            case VclLexer.INCR: return Tok.INCR;
            case VclLexer.DECR: return Tok.DECR;
            case VclLexer.MUL: return Tok.MUL;
            case VclLexer.DIV: return Tok.DIV;
            case VclLexer.NOMATCH: return Tok.NOMATCH;
            case VclLexer.LBRACE: return Tok.LBRACE;
            case VclLexer.RBRACE: return Tok.RBRACE;
            case VclLexer.LPAREN: return Tok.LPAREN;
            case VclLexer.RPAREN: return Tok.RPAREN;
            case VclLexer.STAR: return Tok.STAR;
            case VclLexer.PLUS: return Tok.PLUS;
            case VclLexer.MINUS: return Tok.MINUS;
            case VclLexer.SLASH: return Tok.SLASH;
            case VclLexer.PERCENT: return Tok.PERCENT;
            case VclLexer.GT: return Tok.GT;
            case VclLexer.LT: return Tok.LT;
            case VclLexer.ASSIGN: return Tok.ASSIGN;
            case VclLexer.SEMI: return Tok.SEMI;
            case VclLexer.BANG: return Tok.BANG;
            case VclLexer.AMP: return Tok.AMP;
            case VclLexer.DOT: return Tok.DOT;
            case VclLexer.PIPE: return Tok.PIPE;
            case VclLexer.TILDE: return Tok.TILDE;
            case VclLexer.COMMA: return Tok.COMMA;
            default:
                throw new IllegalStateException("lexer token type " + type + " has no VCC kind");
        }
    }
}
